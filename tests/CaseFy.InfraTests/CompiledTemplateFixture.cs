namespace CaseFy.InfraTests;

/// <summary>Compiles infra/main.bicep once for all template tests.</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    private ArmTemplate? _template;

    public ArmTemplate Template => _template ?? throw new InvalidOperationException("Not compiled yet.");

    public async ValueTask InitializeAsync()
    {
        var result = await BicepCli.RunAsync(["build", RepoPaths.MainBicep, "--stdout"], environment: null, TestContext.Current.CancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed: {result}");
        }

        _template = ArmTemplate.Parse(result.StandardOutput);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

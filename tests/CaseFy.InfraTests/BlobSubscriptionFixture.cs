using System.Text.Json.Nodes;

namespace CaseFy.InfraTests;

/// <summary>
/// Compiles infra/blob-subscription.bicepparam (and so blob-subscription.bicep) once, with the environment the
/// postdeploy hook gets from azd stood in for by <see cref="Environment"/>.
/// </summary>
public sealed class BlobSubscriptionFixture : IAsyncLifetime
{
    /// <summary>Sample values of the azd environment variables the parameters file reads.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = "evgst-sample",
        ["SERVICE_API_URI"] = "https://func-api-sample.azurewebsites.net",
        ["AZURE_STORAGE_DOCUMENTS_CONTAINER"] = "documents",
        ["CASEFY_INBOUND_WEBHOOK_SECRET"] = "sample-secret-0123456789abcdef",
    };

    private ArmTemplate? _template;
    private JsonObject? _parameters;

    public ArmTemplate Template => _template ?? throw new InvalidOperationException("Not compiled yet.");

    /// <summary>The parameter values the file resolves to, by name.</summary>
    public JsonObject Parameters => _parameters ?? throw new InvalidOperationException("Not compiled yet.");

    public async ValueTask InitializeAsync()
    {
        var result = await BicepCli.RunAsync(
            ["build-params", RepoPaths.BlobSubscriptionParameters, "--stdout"], Environment, TestContext.Current.CancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build-params failed: {result}");
        }

        var output = JsonNode.Parse(result.StandardOutput)!;
        _template = ArmTemplate.Parse(output["templateJson"]!.GetValue<string>());
        _parameters = JsonNode.Parse(output["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

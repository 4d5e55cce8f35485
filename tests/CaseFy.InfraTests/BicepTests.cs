using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFy.InfraTests;

/// <summary>The Bicep CLI compiles and lints infra/ offline, with no findings at all.</summary>
public sealed class BicepTests
{
    private static readonly JsonDocumentOptions JsonWithComments = new() { CommentHandling = JsonCommentHandling.Skip };

    [Fact]
    public async Task Build_MainBicep_EmitsSubscriptionTemplate()
    {
        var result = await BicepCli.RunAsync(["build", RepoPaths.MainBicep, "--stdout"], environment: null, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(string.IsNullOrWhiteSpace(result.StandardError), result.ToString());
        var template = ArmTemplate.Parse(result.StandardOutput);
        Assert.Contains("subscriptionDeploymentTemplate.json", template.Root["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("blob-subscription.bicep")]
    [InlineData("blob-subscription.bicepparam")]
    public async Task Lint_DeployedFile_PrintsNoDiagnostics(string file)
    {
        // The parameters file reads the azd environment: lint it with that environment present.
        var result = await BicepCli.RunAsync(
            ["lint", Path.Combine(RepoPaths.InfraDir, file)], BlobSubscriptionFixture.Environment, TestContext.Current.CancellationToken);

        // Lint can exit 0 with warnings printed, so the text counts as much as the code.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(string.IsNullOrWhiteSpace(result.StandardOutput), result.ToString());
        Assert.True(string.IsNullOrWhiteSpace(result.StandardError), result.ToString());
    }

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("blob-subscription.bicep")]
    public async Task Lint_DeployedFileAsSarif_HasNoResults(string file)
    {
        var result = await BicepCli.RunAsync(
            ["lint", Path.Combine(RepoPaths.InfraDir, file), "--diagnostics-format", "sarif"], environment: null, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var runs = JsonNode.Parse(result.StandardOutput)!["runs"]!.AsArray();
        Assert.NotEmpty(runs);
        Assert.All(runs, run => Assert.Empty(run!["results"]!.AsArray()));
    }

    [Fact]
    public void BicepConfig_LinterRules_AreAllErrors()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.InfraDir, "bicepconfig.json")), documentOptions: JsonWithComments)!;

        var core = config["analyzers"]!["core"]!;
        Assert.True(core["enabled"]!.GetValue<bool>());
        var rules = core["rules"]!.AsObject();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Equal("error", rule.Value!["level"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Lint_UnusedParameterUnderInfraConfig_FailsWithError()
    {
        // Proves the config turns a would-be warning into a failing exit code.
        var dir = Directory.CreateTempSubdirectory("casefy-bicep-");
        try
        {
            var file = Path.Combine(dir.FullName, "probe.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n", TestContext.Current.CancellationToken);

            var result = await BicepCli.RunAsync(
                ["lint", file, "--config", Path.Combine(RepoPaths.InfraDir, "bicepconfig.json")],
                environment: null,
                TestContext.Current.CancellationToken);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error no-unused-params", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void BicepFiles_Suppressions_AreOnlyTheJustifiedOne()
    {
        // Lint findings are fixed, not hidden: the one suppression is blob-subscription.bicep's endpointUrl, typed
        // secure because webhook URLs used to carry secrets, which this one does not (its secret is a header).
        var suppressions = Directory.EnumerateFiles(RepoPaths.InfraDir, "*.bicep*", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select(line => (File: Path.GetFileName(file), Line: line.Trim())))
            .Where(entry => entry.Line.StartsWith("#disable", StringComparison.Ordinal))
            .ToList();

        Assert.Equal([("blob-subscription.bicep", "#disable-next-line use-secure-value-for-secure-inputs")], suppressions);
    }

    [Fact]
    public void BicepFiles_ReferenceNoRegistryModules()
    {
        var files = Directory.EnumerateFiles(RepoPaths.InfraDir, "*.bicep", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
        });
    }
}

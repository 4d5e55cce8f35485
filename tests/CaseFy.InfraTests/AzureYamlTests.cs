using YamlDotNet.RepresentationModel;

namespace CaseFy.InfraTests;

/// <summary>azure.yaml: the two azd services, where their code lives, and the hooks around provision and deploy.</summary>
public sealed class AzureYamlTests
{
    [Fact]
    public void AzureYaml_Header_NamesCasefyAndTheSchema()
    {
        var text = File.ReadAllText(RepoPaths.AzureYaml);
        var root = Load();

        Assert.StartsWith("# yaml-language-server: $schema=", text, StringComparison.Ordinal);
        Assert.Equal("casefy", Scalar(root, "name"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(Map(root, "metadata"), "template")));
    }

    [Fact]
    public void ApiService_Host_IsDotnetFunction()
    {
        var api = Service("api");

        Assert.Equal("function", Scalar(api, "host"));
        Assert.Equal("dotnet", Scalar(api, "language"));
        Assert.Equal("./functions/CaseFy.Functions", Scalar(api, "project"));
    }

    [Fact]
    public void WebService_Host_IsStaticWebAppUploadingThePortalBuild()
    {
        var web = Service("web");

        Assert.Equal("staticwebapp", Scalar(web, "host"));
        Assert.Equal("./portal-static", Scalar(web, "project"));
        // No language: azd runs no build of its own; the prepackage hook builds, and the build's output is uploaded.
        Assert.False(web.Children.ContainsKey(new YamlScalarNode("language")));
        Assert.Equal("../artifacts/portal", Scalar(web, "dist"));
        foreach (var platform in new[] { "posix", "windows" })
        {
            var run = Scalar(Map(Map(Map(web, "hooks"), "prepackage"), platform), "run");
            Assert.Contains("npm ci", run, StringComparison.Ordinal);
            Assert.Contains("npm run build:portal", run, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("posix", "sh")]
    [InlineData("windows", "pwsh")]
    public void WebPredeployHook_Build_GetsTheDeploymentsConfigAndIsWhatTheSwaCliReadsItsConfigFrom(string platform, string shell)
    {
        // predeploy, not prepackage: a first `azd up` packages before it provisions, when SERVICE_API_URI is unknown.
        var hook = Map(Map(Service("web"), "hooks"), "predeploy");
        var variant = Map(hook, platform);
        var run = Scalar(variant, "run");

        Assert.Equal(shell, Scalar(variant, "shell"));
        Assert.NotNull(run);
        Assert.Contains("node ../eng/write-portal-config.mjs", run, StringComparison.Ordinal);
        // The SWA CLI otherwise uploads the first staticwebapp.config.json under the project folder (the source's).
        Assert.Contains("azd env set SWA_RUNTIME_CONFIG_LOCATION artifacts/portal", run, StringComparison.Ordinal);
        Assert.True(File.Exists(RepoPaths.WritePortalConfigScript));
        Assert.Equal("../artifacts/portal", Scalar(Service("web"), "dist"));
    }

    [Theory]
    [InlineData("posix", "\"$AZURE_SUBSCRIPTION_ID\"", "\"$AZURE_RESOURCE_GROUP\"")]
    [InlineData("windows", "$env:AZURE_SUBSCRIPTION_ID", "$env:AZURE_RESOURCE_GROUP")]
    public void PostdeployHook_BlobSubscription_IsDeployedFromItsBicepParamsAfterTheCode(string platform, string subscription, string group)
    {
        var hook = Map(Map(Map(Load(), "hooks"), "postdeploy"), platform);
        var run = Scalar(hook, "run");

        Assert.NotNull(run);
        var lines = run.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Wakes the API first (a cold start must not eat the handshake's 30 s), then deploys the subscription.
        Assert.Contains("/api/health", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("az deployment group create ", lines[1], StringComparison.Ordinal);
        Assert.Contains($"--subscription {subscription}", run, StringComparison.Ordinal);
        Assert.Contains($"--resource-group {group}", run, StringComparison.Ordinal);
        Assert.Contains("--parameters infra/blob-subscription.bicepparam", run, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", run, StringComparison.Ordinal);
        Assert.True(File.Exists(RepoPaths.BlobSubscriptionParameters));
        Assert.Equal("false", Scalar(hook, "continueOnError"));
    }

    [Fact]
    public void AzureYaml_RequiredAzdVersion_IsAtLeastTheOneThatDeploysStaticWebAppsAgain()
    {
        var required = Scalar(Map(Load(), "requiredVersions"), "azd");

        Assert.Equal(">= 1.25.6", required);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    public void Service_ProjectPath_ExistsInTheRepo(string service)
    {
        var project = Scalar(Service(service), "project");

        Assert.NotNull(project);
        Assert.True(Directory.Exists(Path.Combine(RepoPaths.RepoRoot, project)), $"{service}: {project} does not exist");
    }

    [Fact]
    public void AzureYaml_Services_AreExactlyApiAndWeb()
    {
        var services = Map(Load(), "services").Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal);

        Assert.Equal(["api", "web"], services);
    }

    [Theory]
    [InlineData("posix", "CASEFY_INBOUND_WEBHOOK_SECRET")]
    [InlineData("windows", "CASEFY_INBOUND_WEBHOOK_SECRET")]
    [InlineData("posix", "CASEFY_UPLOAD_METADATA_KEY")]
    [InlineData("windows", "CASEFY_UPLOAD_METADATA_KEY")]
    public void PreprovisionHook_Secret_IsGeneratedOnlyWhenUnset(string platform, string variable)
    {
        var hook = Map(Map(Map(Load(), "hooks"), "preprovision"), platform);

        var run = Scalar(hook, "run");
        Assert.NotNull(run);
        Assert.Contains($"azd env set {variable}", run, StringComparison.Ordinal);
        Assert.Contains(platform == "posix" ? $"-z \"${variable}\"" : $"-not $env:{variable}", run, StringComparison.Ordinal);
        Assert.Equal("false", Scalar(hook, "continueOnError"));
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(RepoPaths.AzureYaml);
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    private static YamlMappingNode Service(string name) => Map(Map(Load(), "services"), name);

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        Assert.IsType<YamlMappingNode>(node.Children[new YamlScalarNode(key)]);

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}

using YamlDotNet.RepresentationModel;

namespace CaseFy.InfraTests;

/// <summary>azure.yaml: the two azd services and where their code lives.</summary>
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
    [InlineData("posix")]
    [InlineData("windows")]
    public void PreprovisionHook_WebhookSecret_IsGeneratedOnlyWhenUnset(string platform)
    {
        var hook = Map(Map(Map(Load(), "hooks"), "preprovision"), platform);

        var run = Scalar(hook, "run");
        Assert.NotNull(run);
        Assert.Contains("azd env set CASEFY_INBOUND_WEBHOOK_SECRET", run, StringComparison.Ordinal);
        Assert.Contains(platform == "posix" ? "-z \"$CASEFY_INBOUND_WEBHOOK_SECRET\"" : "-not $env:CASEFY_INBOUND_WEBHOOK_SECRET", run, StringComparison.Ordinal);
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

using System.Text.Json.Nodes;

namespace CaseFy.InfraTests;

/// <summary>
/// eng/write-portal-config.mjs, the web service's predeploy hook, run with node on a copy of the portal's
/// staticwebapp.config.json: config.json names the API, the CSP's connect-src names exactly this deployment's origins.
/// </summary>
public sealed class PortalConfigHookTests : IDisposable
{
    private const string ApiUri = "https://func-api-sample.azurewebsites.net";
    private const string BlobEndpoint = "https://stsample.blob.core.windows.net/";

    private readonly DirectoryInfo _portal = Directory.CreateTempSubdirectory("casefy-portal-");

    public PortalConfigHookTests() => File.Copy(RepoPaths.StaticWebAppConfig, ConfigPath);

    private string ConfigPath => Path.Combine(_portal.FullName, "staticwebapp.config.json");

    private string ConfigJsonPath => Path.Combine(_portal.FullName, "config.json");

    [Fact]
    public async Task Hook_DeploymentValues_WriteConfigJsonWithTheApiOrigin()
    {
        var result = await RunAsync(ApiUri, BlobEndpoint);

        Assert.True(result.ExitCode == 0, result.ToString());
        var config = JsonNode.Parse(await File.ReadAllTextAsync(ConfigJsonPath, Ct))!.AsObject();
        Assert.Equal(["apiBaseUrl"], config.Select(p => p.Key));
        Assert.Equal(ApiUri, config["apiBaseUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hook_DeploymentValues_NarrowConnectSrcToThisDeployment()
    {
        var before = JsonNode.Parse(await File.ReadAllTextAsync(ConfigPath, Ct))!;

        var result = await RunAsync(ApiUri, BlobEndpoint);

        Assert.True(result.ExitCode == 0, result.ToString());
        var after = JsonNode.Parse(await File.ReadAllTextAsync(ConfigPath, Ct))!;
        Assert.Equal(
            "connect-src 'self' https://login.microsoftonline.com https://func-api-sample.azurewebsites.net https://stsample.blob.core.windows.net",
            Directive(after, "connect-src"));
        // Every other directive, and the rest of the file, stay as the source has them.
        Assert.Equal(
            Directives(before).Where(d => !d.StartsWith("connect-src", StringComparison.Ordinal)),
            Directives(after).Where(d => !d.StartsWith("connect-src", StringComparison.Ordinal)));
        Assert.Equal(before["routes"]!.ToJsonString(), after["routes"]!.ToJsonString());
    }

    [Fact]
    public async Task Hook_SourceWithWildcardAndLocalOrigins_KeepsNeitherInAzure()
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(ConfigPath, Ct))!;
        config["globalHeaders"]!["Content-Security-Policy"] =
            "default-src 'self'; connect-src 'self' http://127.0.0.1:7072 https://*.blob.core.windows.net https://login.microsoftonline.com; object-src 'none'";
        await File.WriteAllTextAsync(ConfigPath, config.ToJsonString(), Ct);

        var result = await RunAsync(ApiUri, BlobEndpoint);

        Assert.True(result.ExitCode == 0, result.ToString());
        var connect = Directive(JsonNode.Parse(await File.ReadAllTextAsync(ConfigPath, Ct))!, "connect-src");
        Assert.Equal("connect-src 'self' https://login.microsoftonline.com https://func-api-sample.azurewebsites.net https://stsample.blob.core.windows.net", connect);
    }

    [Theory]
    [InlineData(null, BlobEndpoint, "SERVICE_API_URI is not set")]
    [InlineData("http://func-api-sample.azurewebsites.net", BlobEndpoint, "SERVICE_API_URI must be an https URL")]
    [InlineData(ApiUri, null, "AZURE_STORAGE_BLOB_ENDPOINT is not set")]
    [InlineData(ApiUri, "not a url", "AZURE_STORAGE_BLOB_ENDPOINT is not a URL")]
    public async Task Hook_MissingOrInsecureValue_FailsTheDeployWritingNothing(string? apiUri, string? blobEndpoint, string reason)
    {
        var before = await File.ReadAllTextAsync(ConfigPath, Ct);

        var result = await RunAsync(apiUri, blobEndpoint);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(reason, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigJsonPath));
        Assert.Equal(before, await File.ReadAllTextAsync(ConfigPath, Ct));
    }

    public void Dispose() => _portal.Delete(recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Directives(JsonNode config) =>
        config["globalHeaders"]!["Content-Security-Policy"]!.GetValue<string>().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Directive(JsonNode config, string name) =>
        Assert.Single(Directives(config), d => d.StartsWith(name + " ", StringComparison.Ordinal));

    // The hook as azd runs it: node, with the azd environment's values as environment variables.
    private Task<ToolResult> RunAsync(string? apiUri, string? blobEndpoint) =>
        ToolProcess.RunAsync(
            "node",
            [RepoPaths.WritePortalConfigScript, _portal.FullName],
            _portal.FullName,
            [KeyValuePair.Create("SERVICE_API_URI", apiUri), KeyValuePair.Create("AZURE_STORAGE_BLOB_ENDPOINT", blobEndpoint)],
            Ct);
}

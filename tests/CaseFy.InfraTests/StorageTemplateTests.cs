namespace CaseFy.InfraTests;

/// <summary>
/// The two storage accounts, one module: the runtime account (host, task hub, package) and the case data account
/// (case tables, documents). Both Entra ID only, TLS 1.2, HTTPS, protected blobs.
/// </summary>
public sealed class StorageTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Theory]
    [InlineData("properties.allowBlobPublicAccess", "false")]
    [InlineData("properties.allowSharedKeyAccess", "false")]
    [InlineData("properties.minimumTlsVersion", "TLS1_2")]
    [InlineData("properties.supportsHttpsTrafficOnly", "true")]
    public void StorageAccounts_SecuritySetting_HasExpectedValue(string path, string expected)
    {
        var accounts = _template.OfType("Microsoft.Storage/storageAccounts").ToList();

        Assert.Equal(["storage", "dataStorage"], accounts.Select(a => a.Deployment?.SymbolicName));
        Assert.All(accounts, account => Assert.Equal(expected, account.At(path)?.ToString()));
    }

    [Fact]
    public void StorageAccounts_Names_DifferAndFitTheLimit()
    {
        var names = new[] { "storage", "dataStorage" }.Select(m => _template.Module(m).Parameter("name")!.ToString()).ToList();

        Assert.Equal(2, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("data", names[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BlobServices_Protection_HaveSoftDeleteAndVersioning()
    {
        Assert.All(_template.OfType("Microsoft.Storage/storageAccounts/blobServices"), blobService =>
        {
            Assert.Equal("true", blobService.At("properties.isVersioningEnabled")?.ToString());
            Assert.Equal("true", blobService.At("properties.deleteRetentionPolicy.enabled")?.ToString());
            Assert.Equal("true", blobService.At("properties.containerDeleteRetentionPolicy.enabled")?.ToString());
        });
    }

    [Fact]
    public void BlobService_Cors_LetsOnlyThePortalPutDirectUploadsToTheCaseDataAccount()
    {
        var rules = _template.OfType("Microsoft.Storage/storageAccounts/blobServices").Select(b => b.At("properties.cors.corsRules")!.ToString()).Distinct().Single();

        // One rule when origins are given, none otherwise; only the case data account is given any.
        Assert.StartsWith("[if(empty(parameters('uploadCorsOrigins')), createArray(), createArray(createObject('allowedOrigins', parameters('uploadCorsOrigins'), 'allowedMethods', createArray('PUT')", rules, StringComparison.Ordinal);
        foreach (var header in new[] { "'content-type'", "'x-ms-blob-type'", "'x-ms-meta-*'" })
        {
            Assert.Contains(header, rules, StringComparison.Ordinal);
        }

        Assert.Contains("outputs.uri", _template.Module("dataStorage").Parameter("uploadCorsOrigins")!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(_template.Module("storage").Parameter("uploadCorsOrigins"));
    }

    [Fact]
    public void LifecyclePolicy_DocumentsContainer_DeletesPreviousVersionsAfterADay()
    {
        var policy = Assert.Single(_template.OfType("Microsoft.Storage/storageAccounts/managementPolicies"), p => p.Deployment?.SymbolicName == "dataStorage");
        var rule = Assert.Single(policy.At("properties.policy.rules")!.AsArray())!;

        // A refused or removed document (an oversize direct upload included) survives only as a previous version.
        Assert.Equal("[not(empty(parameters('documentsContainerName')))]", policy.At("condition")?.ToString());
        Assert.Equal(("true", "Lifecycle"), (rule["enabled"]!.ToString(), rule["type"]!.ToString()));
        Assert.Equal("[\"blockBlob\"]", rule["definition"]!["filters"]!["blobTypes"]!.ToJsonString());
        var prefix = Assert.Single(rule["definition"]!["filters"]!["prefixMatch"]!.AsArray())!.ToString();
        Assert.Equal(("[format('{0}/', parameters('documentsContainerName'))]", "documents"), (prefix, policy.ResolveParameter("documentsContainerName")?.ToString()));
        Assert.Equal(1, rule["definition"]!["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!.GetValue<int>());
    }

    [Fact]
    public void Containers_Names_AreDocumentsOnTheDataAccountAndThePackageOnTheRuntimeAccount()
    {
        // Each account gets only the container whose name its module is given.
        var containers = _template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => (Module: c.Deployment?.SymbolicName, Name: c.ResolveParameter(ContainerParameter(c))?.ToString(), Container: c))
            .Where(c => c.Name is not null)
            .ToList();

        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", c.Container.At("properties.publicAccess")?.ToString()));
        Assert.Contains(("dataStorage", "documents"), containers.Select(c => (c.Module, c.Name)));
        Assert.Contains(containers, c => c.Module == "storage" && c.Name?.StartsWith("[format('app-package-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void DeploymentStorage_FunctionsApp_UsesTheDeploymentContainer()
    {
        var site = _template.OnlyOfType("Microsoft.Web/sites");
        var storageModule = _template.Module("storage");
        var apiModule = _template.Module("api");

        Assert.Contains("parameters('deploymentContainerName')", site.At("properties.functionAppConfig.deployment.storage.value")!.ToString(), StringComparison.Ordinal);
        Assert.Equal(storageModule.Parameter("deploymentContainerName")?.ToString(), apiModule.Parameter("deploymentContainerName")?.ToString());
    }

    // The container's name is "[format('{0}/{1}/{2}', account, 'default', parameters('x'))]": take x.
    private static string ContainerParameter(ArmResource container)
    {
        var name = container.At("name")!.ToString();
        var start = name.LastIndexOf("parameters('", StringComparison.Ordinal) + "parameters('".Length;
        return name[start..name.IndexOf('\'', start)];
    }
}

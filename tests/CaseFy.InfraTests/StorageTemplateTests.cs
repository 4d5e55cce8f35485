namespace CaseFy.InfraTests;

/// <summary>The storage account: Entra ID only, TLS 1.2, HTTPS, protected blobs.</summary>
public sealed class StorageTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Theory]
    [InlineData("properties.allowBlobPublicAccess", "false")]
    [InlineData("properties.allowSharedKeyAccess", "false")]
    [InlineData("properties.minimumTlsVersion", "TLS1_2")]
    [InlineData("properties.supportsHttpsTrafficOnly", "true")]
    public void StorageAccount_SecuritySetting_HasExpectedValue(string path, string expected)
    {
        var account = _template.OnlyOfType("Microsoft.Storage/storageAccounts");

        Assert.Equal(expected, account.At(path)?.ToString());
    }

    [Fact]
    public void BlobService_Protection_HasSoftDeleteAndVersioning()
    {
        var blobService = _template.OnlyOfType("Microsoft.Storage/storageAccounts/blobServices");

        Assert.Equal("true", blobService.At("properties.isVersioningEnabled")?.ToString());
        Assert.Equal("true", blobService.At("properties.deleteRetentionPolicy.enabled")?.ToString());
        Assert.Equal("true", blobService.At("properties.containerDeleteRetentionPolicy.enabled")?.ToString());
    }

    [Fact]
    public void LifecyclePolicy_DocumentsContainer_DeletesPreviousVersionsAfterADay()
    {
        var policy = _template.OnlyOfType("Microsoft.Storage/storageAccounts/managementPolicies");
        var rule = Assert.Single(policy.At("properties.policy.rules")!.AsArray())!;

        // A refused or removed document (an oversize direct upload included) survives only as a previous version.
        Assert.Equal(("true", "Lifecycle"), (rule["enabled"]!.ToString(), rule["type"]!.ToString()));
        Assert.Equal("[\"blockBlob\"]", rule["definition"]!["filters"]!["blobTypes"]!.ToJsonString());
        var prefix = Assert.Single(rule["definition"]!["filters"]!["prefixMatch"]!.AsArray())!.ToString();
        Assert.Equal(("[format('{0}/', parameters('documentsContainerName'))]", "documents"), (prefix, policy.ResolveParameter("documentsContainerName")?.ToString()));
        Assert.Equal(1, rule["definition"]!["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!.GetValue<int>());
    }

    [Fact]
    public void BlobService_Cors_LetsOnlyThePortalPutDirectUploads()
    {
        var blobService = _template.OnlyOfType("Microsoft.Storage/storageAccounts/blobServices");
        var rule = Assert.Single(blobService.At("properties.cors.corsRules")!.AsArray())!;

        Assert.Equal("[\"PUT\"]", rule["allowedMethods"]!.ToJsonString());
        Assert.Equal("[parameters('uploadCorsOrigins')]", rule["allowedOrigins"]!.ToString());
        foreach (var header in new[] { "content-type", "x-ms-blob-type", "x-ms-meta-*" })
        {
            Assert.Contains(header, rule["allowedHeaders"]!.AsArray().Select(h => h!.ToString()));
        }

        Assert.Contains("outputs.uri", _template.Module("storage").Parameter("uploadCorsOrigins")!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_Names_AreDocumentsAndTheDeploymentPackage()
    {
        var containers = _template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", c.At("properties.publicAccess")?.ToString()));
        var names = containers.Select(c => c.ResolveParameter(ContainerParameter(c))?.ToString()).ToList();
        Assert.Contains("documents", names);
        Assert.Contains(names, n => n?.StartsWith("[format('app-package-", StringComparison.Ordinal) == true);
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

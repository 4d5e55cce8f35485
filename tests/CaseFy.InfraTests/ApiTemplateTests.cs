namespace CaseFy.InfraTests;

/// <summary>The Flex Consumption Functions app and its settings (the contract with the app code).</summary>
public sealed class ApiTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void Plan_Sku_IsFlexConsumptionFc1()
    {
        var plan = _template.OnlyOfType("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.At("sku.name")?.ToString());
        Assert.Equal("FlexConsumption", plan.At("sku.tier")?.ToString());
        Assert.Equal("true", plan.At("properties.reserved")?.ToString());
    }

    [Fact]
    public void Site_Runtime_IsDotnetIsolated10()
    {
        var site = _template.OnlyOfType("Microsoft.Web/sites");

        Assert.Equal("dotnet-isolated", site.At("properties.functionAppConfig.runtime.name")?.ToString());
        Assert.Equal("10.0", site.At("properties.functionAppConfig.runtime.version")?.ToString());
        Assert.Equal("functionapp,linux", site.At("kind")?.ToString());
    }

    [Fact]
    public void Site_Https_IsOnlyHttpsWithTls12()
    {
        var site = _template.OnlyOfType("Microsoft.Web/sites");

        Assert.Equal("true", site.At("properties.httpsOnly")?.ToString());
        Assert.Equal("1.2", site.At("properties.siteConfig.minTlsVersion")?.ToString());
        Assert.Equal("Disabled", site.At("properties.siteConfig.ftpsState")?.ToString());
    }

    [Fact]
    public void Site_PlatformCors_IsNotUsed()
    {
        // The app's own pipeline answers preflights (the code the tests run), not the platform's CORS.
        var site = _template.OnlyOfType("Microsoft.Web/sites");

        Assert.Null(site.At("properties.siteConfig.cors"));
    }

    [Fact]
    public void AppSettings_AllowedOrigins_IsExactlyTheStaticWebAppUrl()
    {
        var settings = AppSettings();

        var origins = settings.At("properties")!.AsObject().Where(p => p.Key.StartsWith("Cors__AllowedOrigins__", StringComparison.Ordinal)).ToList();
        var origin = Assert.Single(origins);
        Assert.Equal("Cors__AllowedOrigins__0", origin.Key);
        Assert.Equal("[reference('web').outputs.uri.value]", settings.Resolve(origin.Value)?.ToString());
        Assert.Equal("[variables('names').web]", _template.Module("web").Parameter("name")?.ToString());
    }

    [Fact]
    public void Site_Identity_IsTheUserAssignedIdentityModule()
    {
        var site = _template.OnlyOfType("Microsoft.Web/sites");

        Assert.Equal("UserAssigned", site.At("identity.type")?.ToString());
        var key = Assert.Single(site.At("identity.userAssignedIdentities")!.AsObject()).Key;
        Assert.Contains("parameters('identityId')", key, StringComparison.Ordinal);
        Assert.Equal("[reference('identity').outputs.id.value]", site.Deployment!.Parameter("identityId")?.ToString());
    }

    [Fact]
    public void Site_DeploymentStorage_AuthenticatesWithTheUserAssignedIdentity()
    {
        var site = _template.OnlyOfType("Microsoft.Web/sites");

        Assert.Equal("blobContainer", site.At("properties.functionAppConfig.deployment.storage.type")?.ToString());
        Assert.Equal("UserAssignedIdentity", site.At("properties.functionAppConfig.deployment.storage.authentication.type")?.ToString());
        Assert.Equal("[parameters('identityId')]", site.At("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId")?.ToString());
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void BasicPublishingCredentials_Policy_IsDisallowed(string policy)
    {
        var policies = _template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        var match = Assert.Single(policies, p => p.At("name")!.ToString().Contains($"'{policy}'", StringComparison.Ordinal));
        Assert.Equal("false", match.At("properties.allow")?.ToString());
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("AzureWebJobsStorage__blobServiceUri")]
    [InlineData("AzureWebJobsStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__tableServiceUri")]
    [InlineData("TaskHubName")]
    [InlineData("Storage__TableServiceUri")]
    [InlineData("Storage__BlobServiceUri")]
    [InlineData("Storage__ClientId")]
    [InlineData("Storage__DocumentsContainer")]
    [InlineData("AzureAd__Instance")]
    [InlineData("AzureAd__TenantId")]
    [InlineData("AzureAd__ClientId")]
    [InlineData("AzureAd__Audience")]
    [InlineData("Events__TopicEndpoint")]
    [InlineData("Events__ClientId")]
    [InlineData("Events__InboundSecret")]
    [InlineData("Documents__MetadataSigningKey")]
    [InlineData("Mail__AcsEndpoint")]
    [InlineData("Mail__SenderAddress")]
    [InlineData("Mail__ClientId")]
    [InlineData("Cors__AllowedOrigins__0")]
    [InlineData("Portal__Origin")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public void AppSettings_ContractSetting_IsPresent(string name)
    {
        var settings = AppSettings();

        Assert.NotNull(settings.At($"properties.{name}"));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("TaskHubName", "casefy")]
    [InlineData("Storage__DocumentsContainer", "documents")]
    [InlineData("AzureAd__Instance", "[environment().authentication.loginEndpoint]")]
    [InlineData("AzureAd__TenantId", "[tenant().tenantId]")]
    [InlineData("AzureAd__ClientId", "")]
    [InlineData("Events__TopicEndpoint", "[reference('events').outputs.endpoint.value]")]
    [InlineData("Portal__Origin", "[reference('web').outputs.uri.value]")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]")]
    public void AppSettings_Setting_ResolvesToExpectedValue(string name, string expected)
    {
        var settings = AppSettings();

        Assert.Equal(expected, ResolveThroughRootDefaults(settings, $"properties.{name}"));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("Storage__ClientId")]
    [InlineData("Events__ClientId")]
    [InlineData("Mail__ClientId")]
    public void AppSettings_ClientId_IsTheIdentityClientId(string name)
    {
        var settings = AppSettings();

        Assert.Equal("[reference('identity').outputs.clientId.value]", settings.ResolvedText($"properties.{name}"));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__blobServiceUri", "storageAccountName", ".primaryEndpoints.blob")]
    [InlineData("AzureWebJobsStorage__queueServiceUri", "storageAccountName", ".primaryEndpoints.queue")]
    [InlineData("AzureWebJobsStorage__tableServiceUri", "storageAccountName", ".primaryEndpoints.table")]
    [InlineData("Storage__BlobServiceUri", "dataStorageAccountName", ".primaryEndpoints.blob")]
    [InlineData("Storage__TableServiceUri", "dataStorageAccountName", ".primaryEndpoints.table")]
    public void AppSettings_ServiceUri_IsItsAccountsEndpoint(string name, string account, string endpoint)
    {
        // The host and task hub on the runtime account; the app's case tables and documents on the case data account.
        var settings = AppSettings();

        var value = settings.At($"properties.{name}")!.ToString();
        Assert.StartsWith($"[reference(resourceId('Microsoft.Storage/storageAccounts', parameters('{account}'))", value, StringComparison.Ordinal);
        Assert.EndsWith($"{endpoint}]", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_Audience_DefaultsToApiUriOfClientId()
    {
        var audience = _template.Root["variables"]!["effectiveAudience"]!.ToString();

        Assert.Contains("format('api://{0}', parameters('apiClientId'))", audience, StringComparison.Ordinal);
        Assert.Equal("[variables('effectiveAudience')]", _template.Module("api").Parameter("apiAudience")?.ToString());
    }

    [Fact]
    public void AppSettings_InboundSecret_IsASecureParameterWithGeneratedDefault()
    {
        var settings = AppSettings();
        var secret = _template.Root["parameters"]!["inboundWebhookSecret"]!;

        Assert.Equal("[parameters('inboundWebhookSecret')]", settings.ResolvedText("properties.Events__InboundSecret"));
        Assert.Equal("securestring", secret["type"]?.ToString());
        Assert.Equal("16", secret["minLength"]?.ToString());
        Assert.Equal("[newGuid()]", secret["defaultValue"]?.ToString());
    }

    [Fact]
    public void AppSettings_MetadataSigningKey_IsItsOwnSecureParameter()
    {
        var settings = AppSettings();
        var key = _template.Root["parameters"]!["uploadMetadataKey"]!;

        Assert.Equal("[parameters('uploadMetadataKey')]", settings.ResolvedText("properties.Documents__MetadataSigningKey"));
        Assert.NotEqual(settings.ResolvedText("properties.Events__InboundSecret"), settings.ResolvedText("properties.Documents__MetadataSigningKey"));
        Assert.Equal("securestring", key["type"]?.ToString());
        Assert.Equal("16", key["minLength"]?.ToString());
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("Storage__ConnectionString")]
    public void AppSettings_SettingFlexOrIdentityForbids_IsAbsent(string name)
    {
        var settings = AppSettings();

        Assert.Null(settings.At($"properties.{name}"));
    }

    private ArmResource AppSettings() =>
        Assert.Single(_template.OfType("Microsoft.Web/sites/config"), c => c.At("name")!.ToString().Contains("'appsettings'", StringComparison.Ordinal));

    // Root parameters resolve to their default value where they have one.
    private string? ResolveThroughRootDefaults(ArmResource resource, string path)
    {
        var text = resource.ResolvedText(path);
        const string prefix = "[parameters('";
        if (text is not null && text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith("')]", StringComparison.Ordinal))
        {
            var name = text[prefix.Length..^3];
            return _template.Root["parameters"]?[name]?["defaultValue"]?.ToString() ?? text;
        }

        return text;
    }
}

namespace CaseFy.InfraTests;

/// <summary>main.bicep as azd sees it: parameters, tags, outputs, monitoring.</summary>
public sealed class MainTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void ResourceGroup_Name_IsRgDashEnvironment()
    {
        var group = _template.OnlyOfType("Microsoft.Resources/resourceGroups");

        Assert.Equal("[format('{0}{1}', variables('abbrs').resourcesResourceGroups, parameters('environmentName'))]", group.At("name")?.ToString());
        Assert.Equal("rg-", _template.Root["variables"]!["$fxv#0"]!["resourcesResourceGroups"]?.ToString());
    }

    [Fact]
    public void Parameters_Location_IsAzdLocationAndEnvironmentNameIsBounded()
    {
        var parameters = _template.Root["parameters"]!;

        Assert.Equal("location", parameters["location"]!["metadata"]!["azd"]!["type"]?.ToString());
        Assert.Equal("1", parameters["environmentName"]!["minLength"]?.ToString());
        Assert.Equal("64", parameters["environmentName"]!["maxLength"]?.ToString());
        Assert.NotNull(parameters["environmentName"]!["metadata"]!["description"]);
        Assert.Equal(string.Empty, parameters["principalId"]!["defaultValue"]?.ToString());
    }

    [Fact]
    public void TaggableResources_Tags_CarryTheEnvironmentName()
    {
        // Top-level resources; role assignments and deployments take no tags.
        var taggable = _template.Resources
            .Where(r => r.Type.Count(c => c == '/') == 1)
            .Where(r => !r.Type.StartsWith("Microsoft.Authorization/", StringComparison.OrdinalIgnoreCase)
                && !r.Type.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(taggable.Count >= 10, $"only {taggable.Count} taggable resources found");
        Assert.All(taggable, r =>
        {
            var tags = r.ResolvedText("tags");
            Assert.NotNull(tags);
            Assert.True(
                tags.Contains("azd-env-name", StringComparison.Ordinal) || tags.Contains("variables('tags')", StringComparison.Ordinal),
                $"{r.Type}: {tags}");
        });
    }

    [Theory]
    [InlineData("Microsoft.Web/sites", "api")]
    [InlineData("Microsoft.Web/staticSites", "web")]
    public void Service_Tags_NameTheAzdService(string type, string service)
    {
        var resource = _template.OnlyOfType(type);

        Assert.Equal($"[union(variables('tags'), createObject('azd-service-name', '{service}'))]", resource.ResolvedText("tags"));
    }

    [Fact]
    public void ServiceNameTag_OnlyTheSiteAndTheStaticSite_CarryIt()
    {
        // Two resources naming one service make azd refuse to deploy (the plan used to share the site's tags).
        var tagged = _template.Resources
            .Where(r => r.ResolvedText("tags")?.Contains("azd-service-name", StringComparison.Ordinal) == true)
            .Select(r => r.Type)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Microsoft.Web/sites", "Microsoft.Web/staticSites"], tagged);
        Assert.Contains("azd-env-name", _template.OnlyOfType("Microsoft.Web/serverfarms").ResolvedText("tags"), StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabled()
    {
        var component = _template.OnlyOfType("Microsoft.Insights/components");

        Assert.Equal("true", component.At("properties.DisableLocalAuth")?.ToString());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", component.At("properties.WorkspaceResourceId")!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("SERVICE_API_NAME")]
    [InlineData("SERVICE_API_URI")]
    [InlineData("SERVICE_WEB_NAME")]
    [InlineData("SERVICE_WEB_URI")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_STORAGE_BLOB_ENDPOINT")]
    [InlineData("AZURE_STORAGE_TABLE_ENDPOINT")]
    [InlineData("EVENTGRID_TOPIC_ENDPOINT")]
    [InlineData("AZURE_EVENTGRID_SYSTEM_TOPIC_NAME")]
    [InlineData("AZURE_STORAGE_DOCUMENTS_CONTAINER")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public void Outputs_AzdValue_IsAPlainString(string name)
    {
        var output = _template.Root["outputs"]![name];

        Assert.NotNull(output);
        Assert.Equal("string", output["type"]?.ToString());
    }
}

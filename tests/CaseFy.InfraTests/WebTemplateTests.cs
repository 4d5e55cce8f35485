namespace CaseFy.InfraTests;

/// <summary>The Static Web App for the portal and its link to the Functions app.</summary>
public sealed class WebTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void StaticSite_Sku_IsStandard()
    {
        var site = _template.OnlyOfType("Microsoft.Web/staticSites");

        Assert.Equal("Standard", site.At("sku.name")?.ToString());
        Assert.Equal("Standard", site.At("sku.tier")?.ToString());
        Assert.Equal("[parameters('staticWebAppLocation')]", site.ResolvedText("location"));
    }

    [Fact]
    public void LinkedBackend_Backend_IsTheFunctionsApp()
    {
        var link = _template.OnlyOfType("Microsoft.Web/staticSites/linkedBackends");
        var linkModule = link.Deployment!;
        var apiModule = _template.Module("api");

        Assert.Equal("[resourceId('Microsoft.Web/sites', parameters('functionAppName'))]", link.At("properties.backendResourceId")?.ToString());
        Assert.Equal("[variables('names').api]", linkModule.Parameter("functionAppName")?.ToString());
        Assert.Equal(apiModule.Parameter("name")?.ToString(), linkModule.Parameter("functionAppName")?.ToString());
        Assert.Equal(apiModule.Parameter("location")?.ToString(), linkModule.Parameter("functionAppLocation")?.ToString());
        Assert.Equal(_template.Module("web").Parameter("name")?.ToString(), linkModule.Parameter("staticWebAppName")?.ToString());
    }

    [Fact]
    public void LinkedBackend_Module_RunsAfterWebAndApi()
    {
        var dependsOn = _template.Module("webLink").At("dependsOn")!.AsArray().Select(d => d!.ToString()).ToList();

        Assert.Contains("web", dependsOn);
        Assert.Contains("api", dependsOn);
    }
}

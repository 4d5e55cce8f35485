namespace CaseFy.InfraTests;

/// <summary>The Static Web App for the portal: Free, serving files only, with no linked backend.</summary>
public sealed class WebTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void StaticSite_Sku_IsFree()
    {
        var site = _template.OnlyOfType("Microsoft.Web/staticSites");

        Assert.Equal("Free", site.At("sku.name")?.ToString());
        Assert.Equal("Free", site.At("sku.tier")?.ToString());
        Assert.Equal("[parameters('staticWebAppLocation')]", site.ResolvedText("location"));
    }

    [Theory]
    [InlineData("Microsoft.Web/staticSites/linkedBackends")]
    [InlineData("Microsoft.Web/staticSites/userProvidedFunctionApps")]
    [InlineData("Microsoft.Web/staticSites/config")]
    public void StaticSite_Backend_IsNotLinked(string childType)
    {
        // A linked backend takes the Authorization header for itself and fences the app off from direct calls
        // (Azure/static-web-apps#34, #313, #1169): the portal calls the API's own URL instead.
        Assert.Empty(_template.OfType(childType));
    }

    [Fact]
    public void StaticSite_Uri_IsHttpsDefaultHostname()
    {
        var output = _template.Module("web").At("properties.template.outputs.uri.value")?.ToString();

        Assert.NotNull(output);
        Assert.StartsWith("[format('https://{0}', reference(resourceId('Microsoft.Web/staticSites', parameters('name'))", output, StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostname)]", output, StringComparison.Ordinal);
    }
}

namespace CaseFy.InfraTests;

/// <summary>
/// Optional e-mail (Azure Communication Services) in main.bicep: the compiled template holds the enabled form, deployed
/// only when the azd environment sets <c>CASEFY_MAIL_ENABLED=true</c>; its send role is asserted in RbacTemplateTests.
/// </summary>
public sealed class MailTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void MailModule_Condition_IsTheMailEnabledParameterOffByDefault()
    {
        Assert.Equal("[parameters('mailEnabled')]", _template.Module("mail").At("condition")?.ToString());
        Assert.False(_template.Root["parameters"]!["mailEnabled"]!["defaultValue"]!.GetValue<bool>());
    }

    [Fact]
    public void MailModule_Identity_IsTheAppIdentityTheRbacModuleUses()
    {
        Assert.Equal(
            _template.Module("rbac").Parameter("appIdentityName")?.ToString(),
            _template.Module("mail").Parameter("appIdentityName")?.ToString());
    }

    [Fact]
    public void CommunicationService_Domain_IsAzureManagedAndLinked()
    {
        var domain = _template.OnlyOfType("Microsoft.Communication/emailServices/domains");
        var communication = _template.OnlyOfType("Microsoft.Communication/communicationServices");

        Assert.Equal("AzureManaged", domain.At("properties.domainManagement")?.ToString());
        Assert.Contains("Microsoft.Communication/emailServices/domains", communication.At("properties.linkedDomains")?.ToJsonString(), StringComparison.Ordinal);
    }
}

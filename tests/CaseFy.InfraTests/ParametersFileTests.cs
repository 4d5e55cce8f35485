using System.Text.Json.Nodes;

namespace CaseFy.InfraTests;

/// <summary>main.parameters.json maps azd environment values onto main.bicep's parameters.</summary>
public sealed class ParametersFileTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    [InlineData("deployerDataRoles", "${CASEFY_DEPLOYER_DATA_ROLES=false}")]
    [InlineData("inboundWebhookSecret", "${CASEFY_INBOUND_WEBHOOK_SECRET}")]
    [InlineData("uploadMetadataKey", "${CASEFY_UPLOAD_METADATA_KEY}")]
    [InlineData("apiClientId", "${CASEFY_API_CLIENT_ID=}")]
    [InlineData("mailEnabled", "${CASEFY_MAIL_ENABLED=false}")]
    public void ParametersFile_Parameter_MapsAzdVariable(string parameter, string expected)
    {
        var parameters = ReadParameters();

        Assert.Equal(expected, parameters[parameter]?["value"]?.ToString());
    }

    [Fact]
    public void ParametersFile_EveryEntry_IsAParameterOfMainBicep()
    {
        var declared = _template.Root["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        Assert.All(ReadParameters(), entry => Assert.Contains(entry.Key, declared));
    }

    [Fact]
    public void MainBicep_EveryRequiredParameter_IsInTheParametersFile()
    {
        var mapped = ReadParameters().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var required = _template.Root["parameters"]!.AsObject().Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key);

        Assert.All(required, name => Assert.Contains(name, mapped));
    }

    private static JsonObject ReadParameters() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.MainParameters))!["parameters"]!.AsObject();
}

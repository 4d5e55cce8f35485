namespace CaseFy.InfraTests;

/// <summary>Role assignments: the app identity's data roles and the deploying user's.</summary>
public sealed class RbacTemplateTests(CompiledTemplateFixture fixture)
{
    private const string AppPrincipal = "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('appIdentityName')), '2023-01-31').principalId]";

    private readonly ArmTemplate _template = fixture.Template;

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")] // Storage Blob Data Owner
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")] // Storage Table Data Contributor
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")] // Storage Queue Data Contributor
    [InlineData("d5a91429-5739-47e2-a06b-3470a27159e7", "Microsoft.EventGrid/topics")] // EventGrid Data Sender
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")] // Monitoring Metrics Publisher
    public void AppIdentity_Role_IsAssignedOnItsScope(string roleId, string scopeType)
    {
        var assignment = Assert.Single(Assignments(roleId), a => a.At("properties.principalId")?.ToString() == AppPrincipal);

        Assert.Null(assignment.At("condition"));
        Assert.Equal("ServicePrincipal", assignment.At("properties.principalType")?.ToString());
        Assert.Contains($"'{scopeType}'", assignment.At("scope")!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88")]
    public void DeployingUser_StorageRole_IsAssignedOnlyWhenPrincipalIdGiven(string roleId)
    {
        var assignment = Assert.Single(Assignments(roleId), a => a.At("properties.principalId")?.ToString() != AppPrincipal);

        Assert.Equal("[not(empty(parameters('userPrincipalId')))]", assignment.At("condition")?.ToString());
        Assert.Equal("[parameters('principalId')]", assignment.ResolvedText("properties.principalId"));
        Assert.Equal("[parameters('principalType')]", assignment.ResolvedText("properties.principalType"));
        Assert.Equal("User", _template.Root["parameters"]!["principalType"]!["defaultValue"]?.ToString());
        Assert.Contains("'Microsoft.Storage/storageAccounts'", assignment.At("scope")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_Count_IsFiveForTheAppAndThreeForTheUser()
    {
        Assert.Equal(8, _template.OfType("Microsoft.Authorization/roleAssignments").Count());
    }

    private IEnumerable<ArmResource> Assignments(string roleId) =>
        _template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.ExpandVariables(a.At("properties.roleDefinitionId")!.ToString())
                .Contains($"'{roleId}'", StringComparison.OrdinalIgnoreCase));
}

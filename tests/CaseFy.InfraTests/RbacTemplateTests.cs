namespace CaseFy.InfraTests;

/// <summary>Role assignments: the app identity's data roles and the deploying user's.</summary>
public sealed class RbacTemplateTests(CompiledTemplateFixture fixture)
{
    private const string AppPrincipal = "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('appIdentityName')), '2023-01-31').principalId]";

    private readonly ArmTemplate _template = fixture.Template;

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "storageAccountName")] // Storage Blob Data Owner: runtime account
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "storageAccountName")] // Storage Table Data Contributor: task hub
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "storageAccountName")] // Storage Queue Data Contributor: task hub
    [InlineData("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "dataStorageAccountName")] // Storage Blob Data Contributor: documents
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "dataStorageAccountName")] // Storage Table Data Contributor: case tables
    [InlineData("d5a91429-5739-47e2-a06b-3470a27159e7", "eventGridTopicName")] // EventGrid Data Sender
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "applicationInsightsName")] // Monitoring Metrics Publisher
    [InlineData("09976791-48a7-449e-bb21-39d1a415f350", "communicationServiceName")] // Communication and Email Service Owner (mailEnabled only)
    public void AppIdentity_Role_IsAssignedOnItsScope(string roleId, string scopeParameter)
    {
        var assignment = Assert.Single(
            Assignments(roleId),
            a => a.At("properties.principalId")?.ToString() == AppPrincipal && ScopeIs(a, scopeParameter));

        Assert.Null(assignment.At("condition"));
        Assert.Equal("ServicePrincipal", assignment.At("properties.principalType")?.ToString());
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    public void AppIdentity_OnTheCaseDataAccount_HasNoOwnerOrQueueRole(string roleId)
    {
        Assert.DoesNotContain(Assignments(roleId), a => ScopeIs(a, "dataStorageAccountName"));
    }

    [Theory]
    [InlineData("ba92f5b4-2d11-453d-a403-e96b0029c9fe")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")]
    public void DeployingUser_CaseDataRole_IsAssignedOnlyWhenOptedIn(string roleId)
    {
        var assignment = Assert.Single(Assignments(roleId), a => a.At("properties.principalId")?.ToString() != AppPrincipal);

        Assert.Equal("[not(empty(parameters('userPrincipalId')))]", assignment.At("condition")?.ToString());
        Assert.Equal("[parameters('userPrincipalId')]", assignment.At("properties.principalId")?.ToString());
        Assert.Equal(
            "[if(parameters('deployerDataRoles'), createObject('value', parameters('principalId')), createObject('value', ''))]",
            _template.Module("rbac").At("properties.parameters.userPrincipalId")?.ToString());
        Assert.False(_template.Root["parameters"]!["deployerDataRoles"]!["defaultValue"]!.GetValue<bool>());
        Assert.Equal("[parameters('principalType')]", assignment.ResolvedText("properties.principalType"));
        Assert.True(ScopeIs(assignment, "dataStorageAccountName"));
    }

    [Fact]
    public void RoleAssignments_Count_IsEightForTheAppAndTwoForTheUser()
    {
        Assert.Equal(10, _template.OfType("Microsoft.Authorization/roleAssignments").Count());
    }

    private static bool ScopeIs(ArmResource assignment, string parameter) =>
        assignment.At("scope")!.ToString().Contains($"parameters('{parameter}')", StringComparison.Ordinal);

    private IEnumerable<ArmResource> Assignments(string roleId) =>
        _template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.ExpandVariables(a.At("properties.roleDefinitionId")!.ToString())
                .Contains($"'{roleId}'", StringComparison.OrdinalIgnoreCase));
}

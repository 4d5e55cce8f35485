using CaseFy.Model.Access;

namespace CaseFy.UnitTests;

public sealed class CaseAccessRulesTests
{
    [Theory]
    [InlineData(AppRoles.Admin, null, CaseAccessLevel.Manage)]
    [InlineData(AppRoles.Admin | AppRoles.Viewer, ParticipantRole.Viewer, CaseAccessLevel.Manage)]
    [InlineData(AppRoles.Member, null, CaseAccessLevel.None)]
    [InlineData(AppRoles.Member, ParticipantRole.Viewer, CaseAccessLevel.Read)]
    [InlineData(AppRoles.Member, ParticipantRole.Member, CaseAccessLevel.Work)]
    [InlineData(AppRoles.Member, ParticipantRole.Owner, CaseAccessLevel.Manage)]
    [InlineData(AppRoles.Viewer, null, CaseAccessLevel.None)]
    [InlineData(AppRoles.Viewer, ParticipantRole.Member, CaseAccessLevel.Read)]
    [InlineData(AppRoles.Viewer, ParticipantRole.Owner, CaseAccessLevel.Read)]
    [InlineData(AppRoles.None, ParticipantRole.Owner, CaseAccessLevel.None)]
    public void LevelFor_AppRoleAndParticipantRole_IsTheLowerOfBoth(AppRoles roles, ParticipantRole? participant, CaseAccessLevel expected) =>
        Assert.Equal(expected, CaseAccessRules.LevelFor(roles, participant));
}

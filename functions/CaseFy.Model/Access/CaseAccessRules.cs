using CaseFy.Model.Cases;

namespace CaseFy.Model.Access;

/// <summary>
/// Who may do what on a case: the app role caps what a person may do anywhere, the participant role what they may
/// do on this case. Admins may do everything on every case; everyone else only sees cases they take part in.
/// </summary>
public static class CaseAccessRules
{
    /// <summary>The access a person with <paramref name="roles"/> and object id <paramref name="personId"/> has on <paramref name="record"/>.</summary>
    public static CaseAccessLevel LevelFor(AppRoles roles, string personId, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return LevelFor(roles, record.Participants.FirstOrDefault(p => p.Id == personId)?.Role);
    }

    /// <summary>The access for an app role set and a participant role (<see langword="null"/>: not a participant).</summary>
    public static CaseAccessLevel LevelFor(AppRoles roles, ParticipantRole? participant)
    {
        if (roles.HasFlag(AppRoles.Admin))
        {
            return CaseAccessLevel.Manage;
        }

        if (participant is null || (roles & (AppRoles.Member | AppRoles.Viewer)) == 0)
        {
            return CaseAccessLevel.None;
        }

        if (!roles.HasFlag(AppRoles.Member))
        {
            return CaseAccessLevel.Read;
        }

        return participant switch
        {
            ParticipantRole.Owner => CaseAccessLevel.Manage,
            ParticipantRole.Member => CaseAccessLevel.Work,
            _ => CaseAccessLevel.Read,
        };
    }
}

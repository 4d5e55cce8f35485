using CaseFy.Model.Access;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>The fold of participant and owner entries.</summary>
public static partial class CaseHistory
{
    private static CaseRecord? ApplyPeople(CaseRecord c, TimelineEntry entry)
    {
        var data = entry.Data;
        switch (entry.Type)
        {
            case TimelineEntryTypes.ParticipantAdded or TimelineEntryTypes.ParticipantRoleChanged:
                var id = data["participantId"];
                var role = data["role"] == "member" ? ParticipantRole.Member : ParticipantRole.Viewer;
                return c with { Participants = [.. c.Participants.Where(p => p.Id != id), new CaseParticipant(id, data["participantName"], role)] };
            case TimelineEntryTypes.ParticipantRemoved:
                return c with { Participants = [.. c.Participants.Where(p => p.Id != data["participantId"])] };
            case TimelineEntryTypes.OwnerChanged:
                var ownerId = data["ownerId"];
                return c with
                {
                    Participants =
                    [
                        .. c.Participants
                            .Where(p => p.Id != ownerId)
                            .Select(p => p.Role == ParticipantRole.Owner ? p with { Role = ParticipantRole.Member } : p),
                        new CaseParticipant(ownerId, data["ownerName"], ParticipantRole.Owner),
                    ],
                };
            default:
                return null;
        }
    }
}

using CaseFy.Model.Access;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// The rules for who takes part in a case. Each change is recorded on the timeline with the person who made it;
/// a change that is already in place returns <see langword="null"/> ("no change").
/// </summary>
public static class CaseParticipants
{
    public const int MaxParticipants = 100;

    /// <summary>Adds a member or viewer, or changes the role of someone already taking part.</summary>
    /// <exception cref="CaseRuleException">The role is owner (use <see cref="ChangeOwner"/>), the person is the owner, or the case is full.</exception>
    public static CaseChange? Add(CaseRecord current, CaseParticipant participant, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(actor);
        if (participant.Role == ParticipantRole.Owner)
        {
            throw new CaseRuleException("A case has one owner: change it with the owner route.");
        }

        var existing = current.Participants.FirstOrDefault(p => p.Id == participant.Id);
        if (existing is { Role: ParticipantRole.Owner })
        {
            throw new CaseRuleException("This person owns the case: make someone else the owner first.");
        }

        if (existing?.Role == participant.Role)
        {
            return null;
        }

        if (existing is null && current.Participants.Count >= MaxParticipants)
        {
            throw new CaseRuleException($"A case has at most {MaxParticipants} participants.");
        }

        participant = participant with { Name = TextRules.WithoutBidiControls(participant.Name) };
        var participants = current.Participants.Where(p => p.Id != participant.Id).Append(participant).ToList();
        return new TimelineWriter(current with { Participants = participants }, now)
            .Append(
                existing is null ? TimelineEntryTypes.ParticipantAdded : TimelineEntryTypes.ParticipantRoleChanged,
                actor,
                Describe(participant))
            .ToChange();
    }

    /// <summary>Removes a participant and unassigns their open tasks; nothing to do when they do not take part.</summary>
    /// <exception cref="CaseRuleException">They own the case.</exception>
    public static CaseChange? Remove(CaseRecord current, string participantId, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var existing = current.Participants.FirstOrDefault(p => p.Id == participantId);
        if (existing is null)
        {
            return null;
        }

        if (existing.Role == ParticipantRole.Owner)
        {
            throw new CaseRuleException("The owner cannot be removed: make someone else the owner first.");
        }

        var writer = new TimelineWriter(current with { Participants = current.Participants.Where(p => p.Id != participantId).ToList() }, now)
            .Append(TimelineEntryTypes.ParticipantRemoved, actor, Describe(existing));
        TaskRules.Unassign(writer, participantId, actor);
        return writer.ToChange();
    }

    /// <summary>Makes someone the owner; the previous owner stays on the case as a member.</summary>
    public static CaseChange? ChangeOwner(CaseRecord current, string ownerId, string ownerName, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var previous = current.Participants.FirstOrDefault(p => p.Role == ParticipantRole.Owner);
        if (previous?.Id == ownerId)
        {
            return null;
        }

        var existing = current.Participants.FirstOrDefault(p => p.Id == ownerId);
        if (existing is null && current.Participants.Count >= MaxParticipants)
        {
            throw new CaseRuleException($"A case has at most {MaxParticipants} participants.");
        }

        var owner = new CaseParticipant(ownerId, existing?.Name ?? TextRules.WithoutBidiControls(ownerName), ParticipantRole.Owner);
        var participants = current.Participants
            .Where(p => p.Id != ownerId)
            .Select(p => p.Role == ParticipantRole.Owner ? p with { Role = ParticipantRole.Member } : p)
            .Append(owner)
            .ToList();
        var data = new Dictionary<string, string> { ["ownerId"] = owner.Id, ["ownerName"] = owner.Name };
        if (previous is not null)
        {
            data["previousOwnerId"] = previous.Id;
            data["previousOwnerName"] = previous.Name;
        }

        return new TimelineWriter(current with { Participants = participants }, now)
            .Append(TimelineEntryTypes.OwnerChanged, actor, data)
            .ToChange();
    }

    private static Dictionary<string, string> Describe(CaseParticipant participant) => new()
    {
        ["participantId"] = participant.Id,
        ["participantName"] = participant.Name,
        ["role"] = participant.Role switch
        {
            ParticipantRole.Owner => "owner",
            ParticipantRole.Member => "member",
            _ => "viewer",
        },
    };
}

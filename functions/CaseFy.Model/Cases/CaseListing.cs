using System.Text.Json;
using CaseFy.Model.Access;

namespace CaseFy.Model.Cases;

/// <summary>
/// What lists and boards show about a case, derived from its record in one place so the index columns, the
/// filters and the board agree.
/// </summary>
public static class CaseListing
{
    /// <summary>The actor id of the case's owner participant (its creator for cases stored before participants).</summary>
    public static string OwnerId(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Owner(record)?.Id ?? record.CreatedBy.Id;
    }

    /// <summary>The owner's display name.</summary>
    public static string OwnerName(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Owner(record)?.Name ?? record.CreatedBy.Name;
    }

    private static CaseParticipant? Owner(CaseRecord record) =>
        record.Participants.FirstOrDefault(p => p.Role == ParticipantRole.Owner);

    /// <summary>Whether the case shows as overdue: its stage's SLA is breached or an open task is past due.</summary>
    public static bool IsOverdue(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Overdue;
    }

    /// <summary>Open tasks on the case.</summary>
    public static int? PendingTasks(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Tasks.Count(t => t.Status == CaseTaskStatus.Open);
    }

    /// <summary>The title as the text filter compares it.</summary>
    public static string SearchableTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.ToLowerInvariant();
    }

    /// <summary>The case's values of <paramref name="keys"/> (a template's <c>cardFields</c>), in that order; fields without a value are left out.</summary>
    public static IReadOnlyDictionary<string, JsonElement> CardFields(CaseRecord record, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keys);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (record.Data.TryGetValue(key, out var value))
            {
                values[key] = value;
            }
        }

        return values;
    }
}

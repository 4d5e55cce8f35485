using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Events;

/// <summary>Turns timeline entries into lifecycle events (pure: the same entry always gives the same event).</summary>
public static class LifecycleEvents
{
    /// <summary>The prefix of every event type.</summary>
    public const string TypePrefix = "casefy.case.";

    // Secrets never belong in an entry's data; this is the second line of defence.
    private static readonly string[] PrivateKeyMarkers = ["token", "secret", "password", "sas"];

    /// <summary>The CloudEvents type of an entry type: <c>StageEntered</c> → <c>casefy.case.stageEntered</c>.</summary>
    public static string EventType(string entryType)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryType);
        return TypePrefix + char.ToLowerInvariant(entryType[0]) + entryType[1..];
    }

    /// <summary>The CloudEvents source of a case's events.</summary>
    public static string Source(string caseId) => $"/casefy/cases/{caseId}";

    /// <summary>Whether a data key is withheld from events (matched case-insensitively anywhere in the key).</summary>
    public static bool IsPrivateKey(string key) =>
        PrivateKeyMarkers.Any(marker => key.Contains(marker, StringComparison.OrdinalIgnoreCase));

    // A sensitive field's old and new values stay on the timeline: its event names the field (in fields and
    // sensitive) and nothing more.
    // A message's text stays on the timeline too: its event says who wrote on which link, and which way.
    private static HashSet<string> WithheldValues(TimelineEntry entry) =>
        entry.Data.TryGetValue(CaseData.SensitiveKey, out var keys)
            ? [.. keys.Split(',').SelectMany(k => new[] { CaseData.OldPrefix + k, CaseData.NewPrefix + k })]
            : entry.Type == TimelineEntryTypes.MessageSent ? ["text"] : [];

    /// <summary>The event for a timeline entry.</summary>
    public static LifecycleEvent From(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var withheld = WithheldValues(entry);
        var details = entry.Data
            .Where(pair => !IsPrivateKey(pair.Key) && !withheld.Contains(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return new LifecycleEvent(
            entry.Id,
            Source(entry.CaseId),
            EventType(entry.Type),
            entry.Stage,
            entry.At,
            new LifecycleEventData(entry.CaseId, entry.Seq, entry.Type, entry.Stage, entry.Actor, details, entry.Hash));
    }
}

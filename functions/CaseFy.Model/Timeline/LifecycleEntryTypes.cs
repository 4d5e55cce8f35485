using System.Collections.Frozen;

namespace CaseFy.Model.Timeline;

/// <summary>
/// The one list of timeline entry types that are lifecycle events: each such entry is put in the outbox in the
/// same transaction that appends it, and published as a CloudEvent. Other entry types stay on the timeline only.
/// </summary>
public static class LifecycleEntryTypes
{
    /// <summary>The lifecycle entry types (names as in <see cref="TimelineEntryTypes"/>).</summary>
    public static FrozenSet<string> All { get; } = FrozenSet.ToFrozenSet(
    [
        TimelineEntryTypes.CaseCreated,
        TimelineEntryTypes.StageEntered,
        TimelineEntryTypes.StageExited,
        TimelineEntryTypes.CaseClosed,
        TimelineEntryTypes.DocumentUploaded,
        TimelineEntryTypes.DocumentAccepted,
        TimelineEntryTypes.DocumentRejected,
        TimelineEntryTypes.TaskCompleted,
        TimelineEntryTypes.DecisionRecorded,
        TimelineEntryTypes.SlaBreached,
        TimelineEntryTypes.CaseReopened,
        TimelineEntryTypes.EventRaised,
        TimelineEntryTypes.FieldsChanged,
        TimelineEntryTypes.MessageSent,
    ], StringComparer.Ordinal);

    /// <summary>Whether entries of <paramref name="type"/> are published.</summary>
    public static bool IsLifecycle(string type) => All.Contains(type);
}

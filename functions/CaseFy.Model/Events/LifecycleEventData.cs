namespace CaseFy.Model.Events;

/// <summary>The <c>data</c> of a lifecycle event: the timeline entry without anything that must not leave CaseFy.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Seq">The entry's position on the case's timeline (per-case order).</param>
/// <param name="EntryType">The timeline entry type, e.g. <c>StageEntered</c>.</param>
/// <param name="Stage">The stage key.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Details">The entry's payload with private keys removed (see <see cref="LifecycleEvents.IsPrivateKey"/>).</param>
/// <param name="Hash">The entry's hash on the timeline's chain, so a consumer can check it against the verify endpoint.</param>
public sealed record LifecycleEventData(
    string CaseId,
    long Seq,
    string EntryType,
    string Stage,
    Actor Actor,
    IReadOnlyDictionary<string, string> Details,
    string Hash);

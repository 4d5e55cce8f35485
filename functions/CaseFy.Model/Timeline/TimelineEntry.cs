namespace CaseFy.Model.Timeline;

/// <summary>One append-only fact on a case's timeline, chained to the one before it by hash.</summary>
/// <param name="Id">Globally unique: <c>{caseId}-{seq}</c>; also the id of the lifecycle event published for it.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Seq">1, 2, 3… without gaps within the case.</param>
/// <param name="Type">One of <see cref="TimelineEntryTypes"/>.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Stage">The key of the stage the case was in.</param>
/// <param name="Data">The type-specific payload.</param>
/// <param name="PreviousHash">The hash of entry <c>Seq - 1</c> (<see cref="TimelineChain.Genesis"/> for the first).</param>
/// <param name="Hash">This entry's hash over all the fields above.</param>
public sealed record TimelineEntry(
    string Id,
    string CaseId,
    long Seq,
    string Type,
    DateTimeOffset At,
    Actor Actor,
    string Stage,
    IReadOnlyDictionary<string, string> Data,
    string PreviousHash,
    string Hash);

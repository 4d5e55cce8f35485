using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>The result of one rule: the case's new state and the timeline entries that record it, stored together.</summary>
/// <param name="Case">The case after the change.</param>
/// <param name="Entries">The new timeline entries, in order, already chained.</param>
public sealed record CaseChange(CaseRecord Case, IReadOnlyList<TimelineEntry> Entries);

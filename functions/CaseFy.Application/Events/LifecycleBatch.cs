using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Events;

/// <summary>
/// One claimed case as every <see cref="ILifecycleConsumer"/> gets it: the case, its due lifecycle entries, and its
/// timeline over <see cref="Range"/> (from the earliest cursor any consumer asked for), read once for all of them (or
/// the due entries themselves, when they are every entry of the range).
/// </summary>
/// <param name="Case">The case as it stood when the batch was read.</param>
/// <param name="Due">The lifecycle entries being published in this batch, oldest first (may be empty).</param>
/// <param name="Range">The part of the timeline that <paramref name="Timeline"/> holds.</param>
/// <param name="Timeline">The stored entries in <paramref name="Range"/>, oldest first.</param>
public sealed record LifecycleBatch(CaseRecord Case, IReadOnlyList<TimelineEntry> Due, TimelineRange Range, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The batch's entries in <paramref name="range"/>, oldest first.</summary>
    /// <exception cref="InvalidOperationException">The batch was not read over <paramref name="range"/> (a cursor moved back meanwhile): the case is retried.</exception>
    public IReadOnlyList<TimelineEntry> Within(TimelineRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (!Range.Covers(range))
        {
            throw new InvalidOperationException($"The batch of case {Case.Id} holds entries {Range.AfterSeq}..{Range.BeforeSeq}, not {range.AfterSeq}..{range.BeforeSeq}.");
        }

        return [.. Timeline.Where(entry => entry.Seq > range.AfterSeq && entry.Seq < range.BeforeSeq)];
    }
}

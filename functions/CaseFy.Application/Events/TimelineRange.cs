namespace CaseFy.Application.Events;

/// <summary>The timeline entries with <see cref="AfterSeq"/> &lt; seq &lt; <see cref="BeforeSeq"/>: the part a lifecycle consumer still needs.</summary>
public sealed record TimelineRange(long AfterSeq, long BeforeSeq)
{
    /// <summary>
    /// A consumer's next batch: the entries after its cursor <paramref name="afterSeq"/>, at most
    /// <paramref name="maxEntries"/> of them, up to <paramref name="timelineLength"/>; <see langword="null"/> when it has caught up.
    /// </summary>
    public static TimelineRange? After(long afterSeq, long timelineLength, int maxEntries) =>
        afterSeq >= timelineLength ? null : new(afterSeq, Math.Min(timelineLength, afterSeq + maxEntries) + 1);

    /// <summary>Whether every entry of <paramref name="other"/> is in this range.</summary>
    public bool Covers(TimelineRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.AfterSeq >= AfterSeq && other.BeforeSeq <= BeforeSeq;
    }

    /// <summary>The smallest range holding both.</summary>
    public TimelineRange Union(TimelineRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Math.Min(AfterSeq, other.AfterSeq), Math.Max(BeforeSeq, other.BeforeSeq));
    }
}

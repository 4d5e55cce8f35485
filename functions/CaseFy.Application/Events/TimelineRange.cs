namespace CaseFy.Application.Events;

/// <summary>The timeline entries with <see cref="AfterSeq"/> &lt; seq &lt; <see cref="BeforeSeq"/>: the part a lifecycle consumer still needs.</summary>
public sealed record TimelineRange(long AfterSeq, long BeforeSeq)
{
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

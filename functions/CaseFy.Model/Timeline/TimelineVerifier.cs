namespace CaseFy.Model.Timeline;

/// <summary>
/// Recomputes a hash chain one entry at a time, so a long timeline can be checked while it streams from storage.
/// Feed entries oldest first with <see cref="Accept"/> until it returns <see langword="false"/> (the chain broke or
/// the case's recorded length is reached), then call <see cref="Finish"/>.
/// </summary>
/// <param name="timelineLength">The length the case row records.</param>
/// <param name="timelineHead">The hash the case row records for its newest entry.</param>
public sealed class TimelineVerifier(long timelineLength, string timelineHead)
{
    private string _expectedPrevious = TimelineChain.Genesis;
    private long _intact;
    private long? _brokenSeq;
    private string? _reason;

    /// <summary>The seq of the next entry the chain expects.</summary>
    public long ExpectedSeq => _intact + 1;

    /// <summary>The first broken seq found so far.</summary>
    public long? FirstBrokenSeq => _brokenSeq;

    /// <summary>Whether more entries are needed: the chain is intact so far and shorter than the case's length.</summary>
    public bool WantsMore => _brokenSeq is null && _intact < timelineLength;

    /// <summary>Checks the next entry; returns <see cref="WantsMore"/>.</summary>
    public bool Accept(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!WantsMore)
        {
            return false;
        }

        var reason = entry.Seq != ExpectedSeq ? $"Entry {ExpectedSeq} is missing."
            : entry.PreviousHash != _expectedPrevious ? $"Entry {ExpectedSeq} does not chain to the entry before it."
            : entry.Hash != TimelineChain.ComputeHash(entry) ? $"Entry {ExpectedSeq} was altered: its hash does not match its content."
            : entry.Seq == timelineLength && entry.Hash != timelineHead ? $"Entry {ExpectedSeq} is not the head the case records."
            : null;
        if (reason is not null)
        {
            return Break(reason);
        }

        _expectedPrevious = entry.Hash;
        _intact++;
        return WantsMore;
    }

    /// <summary>Records that the next expected entry is stored but cannot be read.</summary>
    public void AcceptUnreadable() => Break($"Entry {ExpectedSeq} cannot be read.");

    /// <summary>Records that an entry exists beyond the length the case records (nobody appended it through CaseFy).</summary>
    public void AcceptUnexpected(long seq)
    {
        if (_brokenSeq is null)
        {
            _brokenSeq = seq;
            _reason = $"Entry {seq} lies beyond the timeline length the case records.";
        }
    }

    /// <summary>The verdict once no more entries come.</summary>
    public TimelineVerification Finish()
    {
        if (_brokenSeq is null && _intact < timelineLength)
        {
            Break($"Entry {ExpectedSeq} is missing.");
        }

        return new TimelineVerification(_brokenSeq is null, _intact, _brokenSeq, timelineLength, _reason);
    }

    private bool Break(string reason)
    {
        _brokenSeq ??= ExpectedSeq;
        _reason ??= reason;
        return false;
    }
}

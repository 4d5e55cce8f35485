namespace CaseFy.Model.Timeline;

/// <summary>The outcome of recomputing a case's hash chain.</summary>
/// <param name="Valid">Every entry from 1 to <paramref name="TimelineLength"/> is present, unaltered and in place, and the last one is the case's head.</param>
/// <param name="Entries">How many entries, from seq 1, were checked and found intact (all of them when valid).</param>
/// <param name="FirstBrokenSeq">The first seq whose entry is missing, altered, unreadable or out of place; <see langword="null"/> when valid.</param>
/// <param name="TimelineLength">How many entries the case row says the timeline has.</param>
/// <param name="Reason">Why the chain breaks at <paramref name="FirstBrokenSeq"/>; <see langword="null"/> when valid.</param>
public sealed record TimelineVerification(bool Valid, long Entries, long? FirstBrokenSeq, long TimelineLength, string? Reason);

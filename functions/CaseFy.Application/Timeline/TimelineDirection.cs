namespace CaseFy.Application.Timeline;

/// <summary>Which way a timeline page runs.</summary>
public enum TimelineDirection
{
    /// <summary>Oldest first; the continuation token is the last seq returned (read what comes after it).</summary>
    Forward,

    /// <summary>Newest first; the continuation token is the last (smallest) seq returned (read what came before it).</summary>
    Backward,
}

namespace CaseFy.Model.Metrics;

/// <summary>
/// How far one case's timeline is counted in its template's totals, and the state of its open visit. Stored beside
/// the totals and written with them, so applying the same entries twice changes nothing.
/// </summary>
public sealed class CaseMetricsCursor
{
    /// <summary>The last timeline entry counted (0: none).</summary>
    public long AppliedSeq { get; set; }

    public bool Open { get; set; }

    /// <summary>The UTC day the case closed on, while it is closed.</summary>
    public string? ClosedOn { get; set; }

    /// <summary>The stage of the open visit, if any.</summary>
    public string? Stage { get; set; }

    public DateTimeOffset? EnteredAt { get; set; }

    /// <summary>When the case went on hold, while it is on hold.</summary>
    public DateTimeOffset? HeldSince { get; set; }

    /// <summary>Time on hold so far in the open visit (ticks).</summary>
    public long HeldTicks { get; set; }
}

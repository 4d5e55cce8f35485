namespace CaseFy.Model.Metrics;

/// <summary>One stage's totals: every visit that ended (by an exit, a move or a close) and the open cases in it now.</summary>
public sealed class StageTotals
{
    public string Name { get; set; } = "";

    public int Visits { get; set; }

    // Times are whole ticks: sums of integers do not depend on the order they were added in, so totals kept
    // entry by entry equal a rebuild exactly.

    /// <summary>Time in the stage over the ended visits, time on hold left out (ticks).</summary>
    public long TotalTicks { get; set; }

    public long MaxTicks { get; set; }

    /// <summary>Time on hold during the ended visits (ticks; not in <see cref="TotalTicks"/>).</summary>
    public long HeldTicks { get; set; }

    /// <summary>Ended visits that a move to another stage ended.</summary>
    public int EndedByMove { get; set; }

    /// <summary>Ended visits that an early close ended.</summary>
    public int EndedByEarlyClose { get; set; }

    public int InStageNow { get; set; }
}

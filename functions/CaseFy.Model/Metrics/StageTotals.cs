namespace CaseFy.Model.Metrics;

/// <summary>One stage's totals: every visit that ended (by an exit, a move or a close) and the open cases in it now.</summary>
public sealed class StageTotals
{
    public string Name { get; set; } = "";

    public int Visits { get; set; }

    /// <summary>Time in the stage over the ended visits, time on hold left out.</summary>
    public double TotalSeconds { get; set; }

    public double MaxSeconds { get; set; }

    /// <summary>Time on hold during the ended visits (not in <see cref="TotalSeconds"/>).</summary>
    public double HeldSeconds { get; set; }

    /// <summary>Ended visits that a move to another stage ended.</summary>
    public int EndedByMove { get; set; }

    /// <summary>Ended visits that an early close ended.</summary>
    public int EndedByEarlyClose { get; set; }

    public int InStageNow { get; set; }
}

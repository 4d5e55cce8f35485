namespace CaseFy.Model.Metrics;

/// <summary>
/// A template's running totals, kept up to date from its cases' timelines (<see cref="MetricsFold"/>), so reading a
/// template's metrics costs one row whatever the number of cases.
/// </summary>
public sealed class MetricsTotals
{
    public int Open { get; set; }

    public int Closed { get; set; }

    public int SlaBreaches { get; set; }

    /// <summary>Per stage key, the visits that ended and the open cases in it now.</summary>
    public Dictionary<string, StageTotals> Stages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Cases that are closed now, by the UTC day (<c>yyyy-MM-dd</c>) they closed on.</summary>
    public Dictionary<string, int> ClosedPerDay { get; set; } = new(StringComparer.Ordinal);

    public StageTotals Stage(string key) => Stages.TryGetValue(key, out var totals) ? totals : Stages[key] = new StageTotals { Name = key };
}

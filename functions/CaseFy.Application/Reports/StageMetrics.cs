namespace CaseFy.Application.Reports;

/// <summary>Time spent in one stage, over the ended visits of every case (ended by an exit, a move or a close).</summary>
/// <param name="Key">The stage key.</param>
/// <param name="Name">The stage name.</param>
/// <param name="Visits">Ended visits.</param>
/// <param name="TotalSeconds">Their summed time in the stage, time on hold left out.</param>
/// <param name="AverageSeconds">Their mean; <see langword="null"/> without visits.</param>
/// <param name="MaxSeconds">The longest; <see langword="null"/> without visits.</param>
/// <param name="InStageNow">Open cases in this stage now.</param>
/// <param name="HeldSeconds">Time on hold during the ended visits.</param>
/// <param name="EndedByMove">Visits a move to another stage ended.</param>
/// <param name="EndedByEarlyClose">Visits an early close ended.</param>
public sealed record StageMetrics(
    string Key,
    string Name,
    int Visits,
    double TotalSeconds,
    double? AverageSeconds,
    double? MaxSeconds,
    int InStageNow,
    double HeldSeconds,
    int EndedByMove,
    int EndedByEarlyClose);

namespace CaseFy.Application.Reports;

/// <summary>Time spent in one stage, over the completed visits (entered, then exited) of every case.</summary>
/// <param name="Key">The stage key.</param>
/// <param name="Name">The stage name.</param>
/// <param name="Visits">Completed visits.</param>
/// <param name="TotalSeconds">Their summed duration.</param>
/// <param name="AverageSeconds">Their mean duration; <see langword="null"/> without visits.</param>
/// <param name="MaxSeconds">The longest visit; <see langword="null"/> without visits.</param>
/// <param name="InStageNow">Open cases in this stage now.</param>
public sealed record StageMetrics(string Key, string Name, int Visits, double TotalSeconds, double? AverageSeconds, double? MaxSeconds, int InStageNow);

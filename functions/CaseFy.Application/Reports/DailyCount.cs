namespace CaseFy.Application.Reports;

/// <summary>A count for one UTC day.</summary>
/// <param name="Date">The day, <c>yyyy-MM-dd</c>.</param>
/// <param name="Count">How many.</param>
public sealed record DailyCount(string Date, int Count);

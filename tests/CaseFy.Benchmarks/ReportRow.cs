namespace CaseFy.Benchmarks;

/// <summary>One line of the report: CaseFy's figure, the baseline's from the same run, their ratio and the goal.</summary>
/// <param name="Measure">What was measured.</param>
/// <param name="CaseFy">CaseFy's figure.</param>
/// <param name="Baseline">The raw engine's or storage's figure.</param>
/// <param name="Ratio">CaseFy ÷ baseline (for a rate: baseline ÷ CaseFy, so above 1 always means CaseFy is slower).</param>
/// <param name="Goal">The largest acceptable ratio, if there is a goal.</param>
/// <param name="Note">Context: sample count, checks done.</param>
public sealed record ReportRow(string Measure, string CaseFy, string Baseline, double? Ratio, double? Goal, string Note)
{
    public string Verdict => Goal is null || Ratio is null ? "—" : Ratio <= Goal ? "met" : "not met";
}

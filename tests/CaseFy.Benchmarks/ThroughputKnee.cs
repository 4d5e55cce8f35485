using System.Globalization;
using System.Text;

namespace CaseFy.Benchmarks;

/// <summary>
/// The knee of create-and-drive on one Azurite (issue 19 item 2): the same run at growing sizes, one after the other
/// on one environment, until a size does not finish within its time limit; with Azurite's CPU, its ceiling.
/// </summary>
public static class ThroughputKnee
{
    public static async Task<string> RunAsync(BenchEnvironment bench, IReadOnlyList<int> sizes, TimeSpan perSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder()
            .AppendLine("| Cases per side | CaseFy | raw engine | raw ÷ CaseFy | Azurite CPU (1.0 = one core) | broken timelines | load after |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            Console.WriteLine($"  {size} cases per side (limit {perSize})");
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(perSize);
            try
            {
                var run = await ThroughputBenchmark.MeasureAsync(bench, size, size, limit.Token);
                text.AppendLine(inv, $"| {size} | {run.CaseFy.TotalSeconds:F1} s ({run.CaseFyRate:F1}/s) | {run.Raw.TotalSeconds:F1} s ({run.RawRate:F1}/s) | {run.RawRate / run.CaseFyRate:F2}× | {run.AzuriteBusy:F2} | {run.Problems} | {PerformanceReport.LoadAverage()} |");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                text.AppendLine(inv, $"| {size} | did not finish within {perSize.TotalMinutes:F0} min | | | | | {PerformanceReport.LoadAverage()} |");
                break;
            }
        }

        return text.ToString();
    }
}

using System.Diagnostics;
using Azure.Data.Tables;

namespace CaseFy.Benchmarks;

/// <summary>(2) Case read: the case and its first timeline page through the API, against a raw point read plus one partition query.</summary>
public static class CaseReadBenchmark
{
    public static async Task<ReportRow> RunAsync(BenchEnvironment bench, int samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var template = await bench.Api.CreateTemplateAsync(3, cancellationToken);
        var opened = await bench.Api.OpenCaseAsync(template.Id, "Case read", cancellationToken);
        await bench.Api.WaitForStageEnteredAsync(opened.Id, 0, TimeSpan.FromMilliseconds(20), cancellationToken);
        var casefy = new Samples("CaseFy read");
        var raw = new Samples("raw read");
        for (var i = 0; i < samples + 10; i++)
        {
            var clock = Stopwatch.StartNew();
            await bench.Api.GetCaseAsync(opened.Id, cancellationToken);
            await bench.Api.GetTimelinePageAsync(opened.Id, token: null, pageSize: 50, cancellationToken);
            var casefyElapsed = clock.Elapsed;

            clock.Restart();
            await bench.CaseTable.GetEntityAsync<TableEntity>(opened.Id, "case", cancellationToken: cancellationToken);
            await bench.ReadFirstTimelinePageRawAsync(opened.Id, 51, cancellationToken);

            // The first ten rounds warm both paths up and are not counted.
            if (i >= 10)
            {
                casefy.Add(casefyElapsed);
                raw.Add(clock.Elapsed);
            }
        }

        Console.WriteLine($"  {casefy}{Environment.NewLine}  {raw}");
        return new ReportRow(
            "Case read (case + first timeline page)",
            StageAdvanceBenchmark.Format(casefy), StageAdvanceBenchmark.Format(raw), casefy.Median / raw.Median, 2.0,
            $"n={samples} each, interleaved, sequential; CaseFy over HTTP (JSON), raw = Table point read + one partition query (p95 ratio {casefy.P95 / raw.P95:F2})");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace CaseFy.Benchmarks;

/// <summary>
/// (2) Case read: what the case page shows first (the case and its first timeline page) through the API, against a
/// raw point read plus one partition query. Measured both ways in the same rounds: one request (<c>GET …/view</c>, what
/// the portal's case page makes) and the two requests the page made before (the case, then the timeline page); and,
/// to show where the time goes, the parts: an HTTP round trip with no token and no storage, the same with the bearer
/// token (its validation), the case alone, each raw read alone, and the JSON of the answer.
/// </summary>
public static class CaseReadBenchmark
{
    private const int PageSize = 50;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(BenchEnvironment bench, int samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var template = await bench.Api.CreateTemplateAsync(3, cancellationToken);
        var opened = await bench.Api.OpenCaseAsync(template.Id, "Case read", cancellationToken);
        await bench.Api.WaitForStageEnteredAsync(opened.Id, 0, TimeSpan.FromMilliseconds(20), cancellationToken);
        using var anonymous = new HttpClient { BaseAddress = bench.Address };
        var config = new Uri("/api/config", UriKind.Relative);

        var parts = new (Samples Samples, Func<Task> Read)[]
        {
            (new("one request (GET …/view)"), () => bench.Api.GetCaseViewAsync(opened.Id, PageSize, cancellationToken)),
            (new("two requests (case, then timeline page)"), async () =>
            {
                await bench.Api.GetCaseAsync(opened.Id, cancellationToken);
                await bench.Api.GetTimelinePageAsync(opened.Id, token: null, PageSize, cancellationToken);
            }),
            (new("raw: point read + partition query"), async () =>
            {
                await bench.CaseTable.GetEntityAsync<TableEntity>(opened.Id, "case", cancellationToken: cancellationToken);
                await bench.ReadFirstTimelinePageRawAsync(opened.Id, PageSize + 1, cancellationToken);
            }),
            (new("HTTP round trip, no token, no storage (GET /api/config)"), () => GetAsync(anonymous, config, cancellationToken)),
            (new("HTTP round trip with the bearer token validated, no storage (GET /api/config)"), () => GetAsync(bench.Api.Http, config, cancellationToken)),
            (new("the case alone (GET /api/cases/{id})"), () => bench.Api.GetCaseAsync(opened.Id, cancellationToken)),
            (new("raw point read alone"), () => bench.CaseTable.GetEntityAsync<TableEntity>(opened.Id, "case", cancellationToken: cancellationToken)),
            (new("raw partition query alone"), () => bench.ReadFirstTimelinePageRawAsync(opened.Id, PageSize + 1, cancellationToken)),
        };

        // Interleaved rounds; the first ten warm every path up and are not counted.
        for (var i = 0; i < samples + 10; i++)
        {
            foreach (var (measured, read) in parts)
            {
                var started = Stopwatch.GetTimestamp();
                await read();
                if (i >= 10)
                {
                    measured.Add(Stopwatch.GetElapsedTime(started));
                }
            }
        }

        var json = await JsonCostAsync(bench, opened.Id, cancellationToken);
        foreach (var (measured, _) in parts)
        {
            Console.WriteLine($"  {measured}");
        }

        Console.WriteLine($"  {json}");
        var (view, two, raw) = (parts[0].Samples, parts[1].Samples, parts[2].Samples);
        var breakdown = string.Join("; ", parts.Skip(3).Select(p => FormattableString.Invariant($"{p.Samples.Name} {p.Samples.Median:F1} ms"))) + "; " + json;
        return
        [
            new ReportRow(
                "Case read, one request (GET …/view: case + first timeline page)",
                StageAdvanceBenchmark.Format(view), StageAdvanceBenchmark.Format(raw), view.Median / raw.Median, 1.5,
                FormattableString.Invariant($"n={samples} each, interleaved, sequential; raw = Table point read + one partition query (p95 ratio {view.P95 / raw.P95:F2})")),
            new ReportRow(
                "Case read, two requests (GET case, then GET …/timeline; the case page before …/view)",
                StageAdvanceBenchmark.Format(two), StageAdvanceBenchmark.Format(raw), two.Median / raw.Median, null,
                FormattableString.Invariant($"same rounds (p95 ratio {two.P95 / raw.P95:F2}); where the time goes, medians: {breakdown}")),
        ];
    }

    private static async Task GetAsync(HttpClient client, Uri path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    // The host's own JSON work for one answer: the view written with the HTTP JSON options, averaged over many runs.
    private static async Task<string> JsonCostAsync(BenchEnvironment bench, string caseId, CancellationToken cancellationToken)
    {
        var view = await bench.Api.GetCaseViewAsync(caseId, PageSize, cancellationToken);
        const int Runs = 2000;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(view, bench.HttpJson);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Runs; i++)
        {
            JsonSerializer.SerializeToUtf8Bytes(view, bench.HttpJson);
        }

        var perRun = Stopwatch.GetElapsedTime(started).TotalMilliseconds / Runs;
        return string.Create(CultureInfo.InvariantCulture, $"JSON of the view ({bytes.Length / 1024.0:F1} KiB, {view.Timeline.Items.Count} entries) {perRun:F3} ms to write (mean of {Runs})");
    }
}

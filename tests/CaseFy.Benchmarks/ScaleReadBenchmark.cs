using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CaseFy.Benchmarks;

/// <summary>
/// (6) Reads at size: seeds cases (<see cref="ScaleSeeder"/>) up to each size in turn, in the same run and on the same
/// host, and times the reads a person makes every day: a member's own case list, an admin's filtered list, the board,
/// the metrics, "my tasks" and the events feed (first pages). The host's outbox consumers (feed publisher, metrics,
/// notifications) drain the seeded lifecycle entries meanwhile: each size is measured right after seeding, with the
/// drain running, so the figures include that contention (noted in the report).
/// </summary>
public static class ScaleReadBenchmark
{
    public static async Task<string> RunAsync(
        BenchEnvironment bench, IReadOnlyList<int> sizes, int samples, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentNullException.ThrowIfNull(sizes);
        var templates = new List<Model.Templates.CaseTemplate>();
        for (var t = 0; t < 3; t++)
        {
            templates.Add(await bench.Api.CreateTemplateAsync(4, cancellationToken));
        }

        using var member = new HttpClient { BaseAddress = bench.Address, Timeout = TimeSpan.FromMinutes(2) };
        await DevToken.AuthorizeAsync(member, ScaleSeeder.PersonName(0), "CaseFy.Member", cancellationToken);
        var admin = bench.Api.Http;
        var board = templates[0];
        var reads = new (string Name, Func<int, CancellationToken, Task> Read)[]
        {
            ("member's case list (GET /api/cases, own partition)", HttpRead(member, "/api/cases")),
            ("admin's filtered list (GET /api/cases?stage=s2&status=Open)", HttpRead(admin, "/api/cases?stage=s2&status=Open")),
            ("board (GET /api/templates/{id}/board)", HttpRead(admin, $"/api/templates/{board.Id}/board")),
            ("the scan the board made before its index (the template's open cases in the `cases` partition, in process, no HTTP)", async (_, ct) =>
            {
                await foreach (var unused in bench.Store.ScanAsync(new(TemplateId: board.Id, Status: Model.Cases.CaseStatus.Open), ct))
                {
                }
            }),
            ("metrics (GET /api/templates/{id}/metrics)", HttpRead(admin, $"/api/templates/{board.Id}/metrics")),
            ("my tasks (GET /api/tasks?assignee=me, member)", HttpRead(member, "/api/tasks?assignee=me")),
            ("events feed (GET /api/events)", HttpRead(admin, "/api/events")),
        };

        var seeder = new ScaleSeeder(bench.Store, templates);
        var columns = new List<(int Size, string Seeding, Samples[] Reads)>();
        var seeded = 0;
        foreach (var size in sizes.Order())
        {
            var clock = Stopwatch.StartNew();
            var entries = await seeder.SeedAsync(seeded, size, concurrency, cancellationToken);
            clock.Stop();
            var seeding = FormattableString.Invariant($"{size - seeded:N0} cases ({entries:N0} entries) in {clock.Elapsed.TotalSeconds:F0} s = {(size - seeded) / clock.Elapsed.TotalSeconds:F0} cases/s, {seeder.RetriedCreates} creates retried by the client so far");
            Console.WriteLine($"  seeded to {size}: {seeding}; load {PerformanceReport.LoadAverage()}");
            seeded = size;
            var measured = reads.Select(r => new Samples(r.Name)).ToArray();
            for (var s = 0; s < samples; s++)
            {
                for (var r = 0; r < reads.Length; r++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await reads[r].Read(size, cancellationToken);
                    measured[r].Add(Stopwatch.GetElapsedTime(started));
                }
            }

            foreach (var m in measured)
            {
                Console.WriteLine($"    {m}");
            }

            columns.Add((size, seeding, measured));
        }

        return Render(reads.Select(r => r.Name).ToList(), columns, samples);
    }

    // A GET whose body is read whole; anything but 2xx stops the run.
    private static Func<int, CancellationToken, Task> HttpRead(HttpClient client, string path) => async (size, cancellationToken) =>
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} at {size} cases.");
        }
    };

    private static string Render(List<string> names, List<(int Size, string Seeding, Samples[] Reads)> columns, int samples)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"| Read (median / p95 ms, {samples} samples each, interleaved) | {string.Join(" | ", columns.Select(c => c.Size.ToString("N0", inv) + " cases"))} |");
        text.AppendLine(inv, $"|---|{string.Concat(columns.Select(_ => "---|"))}");
        for (var r = 0; r < names.Count; r++)
        {
            text.AppendLine(inv, $"| {names[r]} | {string.Join(" | ", columns.Select(c => FormattableString.Invariant($"{c.Reads[r].Median:F1} / {c.Reads[r].P95:F1}")))} |");
        }

        text.AppendLine(inv, $"| seeding (this step) | {string.Join(" | ", columns.Select(c => c.Seeding))} |");
        return text.ToString();
    }
}

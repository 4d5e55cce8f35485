using System.Diagnostics;
using System.Globalization;
using CaseFy.Benchmarks;
using CaseFy.LocalHost.Storage;

// CaseFy against the raw engine and storage it runs on. Usage:
//   dotnet run -c Release --project tests/CaseFy.Benchmarks -- [--cases 1000] [--in-flight 150 (create-and-drive: cases at once, below the knee)] [--samples 30] [--entries 10000] [--load-seconds 10] [--connections 200]
//       [--scale 1000,10000,100000 (only: seeds and reads at each size; writes to a temp file unless --output)]
//       [--seed-concurrency 32 (cases stored at once while seeding)]
//       [--knee 100,200,400,800 (only: create-and-drive at each size in turn, with Azurite's CPU) [--knee-minutes 10 (per size)]]
//       [--instances 3 --scaleout-cases 100 (section scaleout: 1 instance against 3 on one task hub)]
//       [--only advance,read,timeline,load,scaleout,throughput (default: all)] [--polling-ms N (the engine's MaxQueuePollingInterval for both sides; default: the host's)] [--output docs/PERFORMANCE.md]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a[2..], p => args[p.i + 1], StringComparer.OrdinalIgnoreCase);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var cases = Option("cases", 1000);
var samples = Option("samples", 30);
var entries = Option("entries", 10_000);
var loadSeconds = Option("load-seconds", 10);
var connections = Option("connections", 200);
var pollingMs = Option("polling-ms", 0);
var only = options.TryGetValue("only", out var sections) ? sections.Split(',', StringSplitOptions.TrimEntries) : null;
bool Runs(string section) => only is null || only.Contains(section, StringComparer.OrdinalIgnoreCase);

// A partial run (--only) must not replace the full report: it goes to a temp file unless --output says otherwise.
var output = options.GetValueOrDefault("output")
    ?? (only is null ? Path.Combine(RepoPaths.FindRoot(), "docs", "PERFORMANCE.md") : Path.Combine(Path.GetTempPath(), "casefy-performance-partial.md"));

var command = "dotnet run -c Release --project tests/CaseFy.Benchmarks --" + (args.Length == 0 ? string.Empty : " " + string.Join(' ', args));

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(120));
var ct = cancel.Token;
var loadBefore = PerformanceReport.LoadAverage();
var clock = Stopwatch.StartNew();
var rows = new List<ReportRow>();
await using (var bench = await BenchEnvironment.StartAsync(pollingMs > 0 ? TimeSpan.FromMilliseconds(pollingMs) : null, ct))
{
    // A separate mode: seeds the tables to each size and reads at size (the default run is unchanged).
    if (options.TryGetValue("scale", out var scale))
    {
        Console.WriteLine("(6) reads at size");
        var sizes = scale.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        await WriteSeparateAsync("casefy-scale.md", await ScaleReadBenchmark.RunAsync(bench, sizes, samples, Option("seed-concurrency", 32), ct));
        return;
    }

    // Another separate mode: create-and-drive at growing sizes, to find where one Azurite stops keeping up.
    if (options.TryGetValue("knee", out var knee))
    {
        Console.WriteLine("(7) create-and-drive knee");
        var sizes = knee.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        await WriteSeparateAsync("casefy-knee.md", await ThroughputKnee.RunAsync(bench, sizes, TimeSpan.FromMinutes(Option("knee-minutes", 10)), ct));
        return;
    }

    if (Runs("advance"))
    {
        Console.WriteLine("(1) stage advance");
        rows.Add(await StageAdvanceBenchmark.RunAsync(bench, samples, ct));
    }

    if (Runs("read"))
    {
        Console.WriteLine("(2) case read");
        rows.AddRange(await CaseReadBenchmark.RunAsync(bench, samples * 5, ct));
    }

    if (Runs("timeline"))
    {
        Console.WriteLine("(4) long timeline");
        rows.AddRange(await LongTimelineBenchmark.RunAsync(bench, bench.Store, entries, ct));
    }

    if (Runs("load"))
    {
        Console.WriteLine("(5) API under load (wrk)");
        rows.AddRange(await HttpLoadBenchmark.RunAsync(bench, TimeSpan.FromSeconds(loadSeconds), connections, ct));
    }

    if (Runs("scaleout"))
    {
        Console.WriteLine("(8) one instance against several on one task hub");
        rows.Add(await ScaleOutBenchmark.RunAsync(bench, Option("scaleout-cases", 100), Option("instances", 3), ct));
    }

    // Last: it fills both task hubs with instances, which slows everything measured after it.
    if (Runs("throughput"))
    {
        Console.WriteLine("(3) create-and-drive throughput");
        rows.Add(await ThroughputBenchmark.RunAsync(bench, cases, Option("in-flight", 150), ct));
    }
}

// A separate mode's table: to --output, or a temp file (it never replaces the full report).
async Task WriteSeparateAsync(string tempName, string table)
{
    var separateOutput = options.GetValueOrDefault("output") ?? Path.Combine(Path.GetTempPath(), tempName);
    await File.WriteAllTextAsync(separateOutput, $"Command: `{command}`{Environment.NewLine}Load before: {loadBefore}, after: {PerformanceReport.LoadAverage()}{Environment.NewLine}{Environment.NewLine}{table}", ct);
    Console.WriteLine(table);
    Console.WriteLine($"Written to {separateOutput}");
}

var notes = Path.Combine(RepoPaths.FindRoot(), "tests", "CaseFy.Benchmarks", "PerformanceNotes.md");
var report = PerformanceReport.Render(rows, command, clock.Elapsed, loadBefore, PerformanceReport.LoadAverage())
    + (File.Exists(notes) ? Environment.NewLine + await File.ReadAllTextAsync(notes, ct) : string.Empty);
await File.WriteAllTextAsync(output, report, ct);
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Written to {output}");

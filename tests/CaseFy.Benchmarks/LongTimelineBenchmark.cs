using System.Diagnostics;
using Azure.Data.Tables;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Benchmarks;

/// <summary>
/// (4) A case with a long timeline: entries written through the store's own transaction path (hash-chained, in
/// batches of one transaction each), then first-page latency, full read and server-side verification/export,
/// with the process's memory sampled meanwhile.
/// </summary>
public static class LongTimelineBenchmark
{
    private const int Batch = 99; // + the case row = 100, the entity-group transaction limit.

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(BenchEnvironment bench, ICaseStore store, int entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentNullException.ThrowIfNull(store);
        var template = await bench.Api.CreateTemplateAsync(3, cancellationToken);
        var opened = await bench.Api.OpenCaseAsync(template.Id, "Long timeline", cancellationToken);
        await bench.Api.WaitForStageEnteredAsync(opened.Id, 0, TimeSpan.FromMilliseconds(20), cancellationToken);
        var writing = Stopwatch.StartNew();
        for (var written = 0; written < entries; written += Batch)
        {
            var count = Math.Min(Batch, entries - written);
            await store.UpdateAsync(opened.Id, c => AppendNotes(c, count, DateTimeOffset.UtcNow), cancellationToken);
        }

        var length = (await bench.Api.GetCaseAsync(opened.Id, cancellationToken)).TimelineLength;
        Console.WriteLine(FormattableString.Invariant($"  wrote {entries} entries in {writing.Elapsed.TotalSeconds:F1} s; timeline length {length}"));

        var rows = new List<ReportRow>();
        var firstPage = new Samples("first page (API)");
        var firstPageRaw = new Samples("first page (raw)");
        for (var i = 0; i < 40; i++)
        {
            var clock = Stopwatch.StartNew();
            await bench.Api.GetTimelinePageAsync(opened.Id, token: null, pageSize: 50, cancellationToken);
            var api = clock.Elapsed;
            clock.Restart();
            await bench.ReadFirstTimelinePageRawAsync(opened.Id, 51, cancellationToken);

            if (i >= 10)
            {
                firstPage.Add(api);
                firstPageRaw.Add(clock.Elapsed);
            }
        }

        Console.WriteLine($"  {firstPage}{Environment.NewLine}  {firstPageRaw}");
        rows.Add(new ReportRow(
            FormattableString.Invariant($"First timeline page of a {length}-entry case"),
            StageAdvanceBenchmark.Format(firstPage), StageAdvanceBenchmark.Format(firstPageRaw), firstPage.Median / firstPageRaw.Median, null,
            "page of 50; must not depend on the timeline's length"));

        var (rawAll, rawPeak) = await MeasureAsync(async () =>
        {
            var n = 0;
            await foreach (var _ in bench.CaseTable.QueryAsync<TableEntity>(BenchEnvironment.TimelineFilter(opened.Id), maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                n++;
            }

            return n;
        });
        var (apiAll, apiPeak) = await MeasureAsync(async () => (await bench.Api.GetTimelineAsync(opened.Id, cancellationToken)).Count);
        rows.Add(new ReportRow(
            $"Full timeline read, {length} entries (API pages of 100)",
            Timed(apiAll, apiPeak), Timed(rawAll, rawPeak), apiAll.Elapsed / rawAll.Elapsed, null,
            "raw = one partition query, 1,000 rows per page; peak = managed heap growth in this process (host + client)"));

        var exportBytes = 0L;
        foreach (var route in new[] { "verify", "export" })
        {
            var (result, peak) = await MeasureAsync(async () =>
            {
                using var response = await bench.Api.Http.GetAsync(
                    new Uri($"/api/cases/{opened.Id}/timeline/{route}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return -(int)response.StatusCode;
                }

                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var buffer = new byte[81920];
                var bytes = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    bytes += read;
                }

                return bytes;
            });
            exportBytes = route == "export" ? result.Value : exportBytes;
            rows.Add(result.Value < 0
                ? new ReportRow($"GET …/timeline/{route}, {length} entries", $"not available (HTTP {-result.Value})", "—", null, null, "route not on main when measured")
                : new ReportRow(
                    $"GET …/timeline/{route}, {length} entries (server streams the partition)",
                    Timed(result, peak), Timed(rawAll, rawPeak), result.Elapsed / rawAll.Elapsed, null,
                    FormattableString.Invariant($"{result.Value / 1024} KiB body read as a stream; peak = managed heap growth")));
        }

        if (exportBytes > 0)
        {
            rows.Add(await RetainedDuringExportAsync(bench, opened.Id, length, exportBytes, cancellationToken));
        }

        foreach (var row in rows)
        {
            Console.WriteLine($"  {row.Measure}: {row.CaseFy} vs {row.Baseline}");
        }

        return rows;
    }

    private static string Timed((TimeSpan Elapsed, int Value) result, long peakBytes) =>
        FormattableString.Invariant($"{result.Elapsed.TotalMilliseconds:F0} ms, peak +{peakBytes / (1024 * 1024)} MiB");

    private static CaseChange AppendNotes(CaseRecord current, int count, DateTimeOffset now)
    {
        var entries = new List<TimelineEntry>(count);
        var head = current.TimelineHead;
        var seq = current.TimelineLength;
        for (var i = 0; i < count; i++)
        {
            seq++;
            var draft = new TimelineEntry(
                $"{current.Id}-{seq}", current.Id, seq, "Note", now, Actor.System, current.CurrentStage.Key,
                new Dictionary<string, string> { ["text"] = $"Benchmark note {seq}: a line of ordinary length for a case note." },
                head, string.Empty);
            var entry = draft with { Hash = TimelineChain.ComputeHash(draft) };
            entries.Add(entry);
            head = entry.Hash;
        }

        return new CaseChange(current with { TimelineLength = seq, TimelineHead = head, UpdatedAt = now }, entries);
    }

    // Flat memory, shown directly: the live heap (after a full collection) a tenth of the way through the export and
    // nine tenths of the way; a server that buffered the timeline would hold more the further it got.
    private static async Task<ReportRow> RetainedDuringExportAsync(
        BenchEnvironment bench, string caseId, long length, long expected, CancellationToken cancellationToken)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var response = await bench.Api.Http.GetAsync(
            new Uri($"/api/cases/{caseId}/timeline/export", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var (buffer, read, bytes) = (new byte[16384], 0, 0L);
        var marks = new List<long>();
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes += read;
            if (marks.Count < 2 && bytes >= expected * (marks.Count == 0 ? 1 : 9) / 10)
            {
                marks.Add(GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }

        static string MiB(long b) => FormattableString.Invariant($"{b / (1024.0 * 1024):F1} MiB");
        var (early, late) = (marks.ElementAtOrDefault(0), marks.ElementAtOrDefault(1));
        return new ReportRow(
            $"Live heap while exporting {length} entries (after a full collection)",
            $"+{MiB(late)} at 90 % of the body", $"+{MiB(early)} at 10 %", early > 0 ? (double)late / early : null, null,
            FormattableString.Invariant($"host and client in this process; {bytes / 1024} KiB read; flat = about the same at 10 % and 90 %"));
    }

    // Samples the managed heap while the work runs; the figure is growth over the level before it started.
    private static async Task<((TimeSpan Elapsed, int Value) Result, long PeakBytes)> MeasureAsync(Func<Task<int>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var value = await work();
        var elapsed = clock.Elapsed;
        await done.CancelAsync();
        await sampler;
        return ((elapsed, value), Math.Max(0, peak - before));
    }
}

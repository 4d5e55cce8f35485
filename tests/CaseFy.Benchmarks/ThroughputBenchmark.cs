using System.Diagnostics;
using Azure.Data.Tables;
using CaseFy.Benchmarks.RawEngine;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using Microsoft.DurableTask;

namespace CaseFy.Benchmarks;

/// <summary>
/// (3) Create-and-drive: N cases opened and driven through 3 stages at once, against N raw orchestrations driven the
/// same way (same polling pace); then every CaseFy timeline is checked: exact entries, no gap, no duplicate, chain whole.
/// </summary>
public static class ThroughputBenchmark
{
    private const int Stages = 3;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    // No orchestration activity for this long: the engine has caught up with the cases driven.
    private static readonly TimeSpan EngineQuiet = TimeSpan.FromSeconds(2);

    public static async Task<ReportRow> RunAsync(BenchEnvironment bench, int cases, int inFlight, CancellationToken cancellationToken)
    {
        var run = await MeasureAsync(bench, cases, inFlight, cancellationToken);
        return new ReportRow(
            inFlight >= cases ? $"Create-and-drive {cases} cases × {Stages} stages concurrently" : $"Create-and-drive {cases} cases × {Stages} stages, {inFlight} at a time",
            FormattableString.Invariant($"{run.CaseFyRate:F1} cases/s ({run.CaseFy.TotalSeconds:F1} s)"),
            FormattableString.Invariant($"{run.RawRate:F1} orchestrations/s ({run.Raw.TotalSeconds:F1} s)"),
            run.RawRate / run.CaseFyRate, null,
            $"each side in two halves of {cases / 2}+{cases - (cases / 2)}, at most {Math.Min(inFlight, cases)} in flight, order raw, CaseFy, CaseFy, raw; ratio = raw rate ÷ CaseFy rate; Azurite CPU per case {run.CaseFyAzurite.TotalMilliseconds / cases:F0} ms CaseFy, {run.RawAzurite.TotalMilliseconds / cases:F0} ms raw; timelines checked: {cases}, lost or duplicated entries / broken chains: {run.Problems}");
    }

    /// <summary>
    /// One create-and-drive of <paramref name="cases"/> per side, at most <paramref name="inFlight"/> cases (or
    /// orchestrations) in flight at once: both times, Azurite's CPU time, timeline problems.
    /// </summary>
    public static async Task<ThroughputRun> MeasureAsync(BenchEnvironment bench, int cases, int inFlight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var azuriteBefore = bench.AzuriteProcessorTime;
        var wall = Stopwatch.StartNew();

        // Two halves in the order raw, CaseFy, CaseFy, raw, so a drift in machine load or hub size favours neither side.
        // Azurite's CPU is counted per side: the storage work each side's cases cost (its one Node thread is the ceiling).
        var half = cases / 2;
        var rawAzurite = TimeSpan.Zero;
        var casefyAzurite = TimeSpan.Zero;
        var rawElapsed = await OnAzuriteAsync(bench, () => DriveRawAsync(bench, half, inFlight, cancellationToken), t => rawAzurite += t);
        var (casefyFirst, ids) = await OnAzuriteAsync(bench, () => DriveCaseFyAsync(bench, [bench.Api], half, inFlight, cancellationToken), t => casefyAzurite += t);
        var (casefySecond, moreIds) = await OnAzuriteAsync(bench, () => DriveCaseFyAsync(bench, [bench.Api], cases - half, inFlight, cancellationToken), t => casefyAzurite += t);
        rawElapsed += await OnAzuriteAsync(bench, () => DriveRawAsync(bench, cases - half, inFlight, cancellationToken), t => rawAzurite += t);
        var casefyElapsed = casefyFirst + casefySecond;
        ids.AddRange(moreIds);
        Console.WriteLine(FormattableString.Invariant($"  raw: {cases} orchestrations in {rawElapsed.TotalSeconds:F1} s = {cases / rawElapsed.TotalSeconds:F1}/s, Azurite {rawAzurite.TotalMilliseconds / cases:F0} ms CPU each"));
        Console.WriteLine(FormattableString.Invariant($"  CaseFy: {cases} cases in {casefyElapsed.TotalSeconds:F1} s = {cases / casefyElapsed.TotalSeconds:F1}/s, Azurite {casefyAzurite.TotalMilliseconds / cases:F0} ms CPU each"));

        var azuriteBusy = (bench.AzuriteProcessorTime - azuriteBefore) / wall.Elapsed;
        var problems = await CheckTimelinesAsync(bench, ids, cancellationToken);
        Console.WriteLine($"  timelines checked: {ids.Count}, problems: {problems.Count}");
        foreach (var problem in problems.Take(5))
        {
            Console.WriteLine("    " + problem);
        }

        return new ThroughputRun(cases, casefyElapsed, rawElapsed, azuriteBusy, problems.Count) { CaseFyAzurite = casefyAzurite, RawAzurite = rawAzurite };
    }

    private static async Task<T> OnAzuriteAsync<T>(BenchEnvironment bench, Func<Task<T>> drive, Action<TimeSpan> addAzuriteTime)
    {
        var before = bench.AzuriteProcessorTime;
        var result = await drive();
        addAzuriteTime(bench.AzuriteProcessorTime - before);
        return result;
    }

    private static async Task<TimeSpan> DriveRawAsync(BenchEnvironment bench, int count, int inFlight, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await ForEachInFlightAsync(count, inFlight, async i =>
        {
            var id = $"thr-{i}-{Guid.NewGuid():N}";
            await bench.Raw.Client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(nameof(RawStageOrchestrator)), new RawStage(id, 0, Stages), new StartOrchestrationOptions(id), cancellationToken);
            for (var stage = 0; stage < Stages; stage++)
            {
                await bench.Raw.Table.WaitForRowAsync(id, RowKeys.Entered(stage), Poll, cancellationToken);
                await bench.Raw.Client.RaiseEventAsync(id, RawStageOrchestrator.EventName, "go", cancellationToken);
            }

            await bench.Raw.Table.WaitForRowAsync(id, RowKeys.Exited(Stages - 1), Poll, cancellationToken);
            return id;
        }, cancellationToken);
        return clock.Elapsed;
    }

    /// <summary>
    /// Opens and drives <paramref name="count"/> cases, at most <paramref name="inFlight"/> at once, case i through
    /// <paramref name="apis"/>[i mod n] (instances behind a balancer).
    /// </summary>
    public static async Task<(TimeSpan Elapsed, List<string> Ids)> DriveCaseFyAsync(
        BenchEnvironment bench, IReadOnlyList<BenchApi> apis, int count, int inFlight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentNullException.ThrowIfNull(apis);
        var template = await bench.Api.CreateTemplateAsync(Stages, cancellationToken);
        using var engine = new EngineActivities();
        var started = Stopwatch.GetTimestamp();
        var ids = await ForEachInFlightAsync(count, inFlight, async i =>
        {
            var api = apis[i % apis.Count];
            var opened = await api.OpenCaseAsync(template.Id, $"Throughput {i}", cancellationToken);
            for (var stage = 0; stage < Stages; stage++)
            {
                await api.WaitForStageEnteredAsync(opened.Id, stage, Poll, cancellationToken);
                await api.AdvanceAsync(opened.Id, cancellationToken);
            }

            await bench.WaitForStoredStageAsync(opened.Id, "closed", Poll, cancellationToken);
            return opened.Id;
        }, cancellationToken);

        // The cases are closed in storage; the side is done when the engine has caught up with them too (advances are
        // carried out by their requests and the orchestrations follow), so that work is not left to the next side's time.
        var closed = Stopwatch.GetTimestamp();
        var lastActivity = await engine.WaitUntilQuietAsync(EngineQuiet, cancellationToken);
        return (Stopwatch.GetElapsedTime(started, Math.Max(closed, lastActivity)), ids.ToList());
    }

    // Like a client population of fixed size: a new case starts as soon as one of the in-flight ones ends.
    private static async Task<string[]> ForEachInFlightAsync(int count, int inFlight, Func<int, Task<string>> drive, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, inFlight));
        var done = 0;
        var clock = Stopwatch.StartNew();
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await drive(i);
            }
            finally
            {
                slots.Release();
                if (Interlocked.Increment(ref done) % 100 == 0)
                {
                    Console.WriteLine(FormattableString.Invariant($"    {done} of {count} done in {clock.Elapsed.TotalSeconds:F0} s"));
                }
            }
        }));
    }

    /// <summary>Every case's timeline, checked: the exact entries, dense seqs, the chain whole. Returns the cases that fail.</summary>
    public static async Task<List<string>> CheckTimelinesAsync(BenchEnvironment bench, List<string> ids, CancellationToken cancellationToken)
    {
        string[] expected =
        [
            TimelineEntryTypes.CaseCreated,
            .. Enumerable.Range(0, Stages).SelectMany(_ => new[] { TimelineEntryTypes.StageEntered, TimelineEntryTypes.StageExited }),
            TimelineEntryTypes.CaseClosed,
        ];
        var problems = new List<string>();
        using var limit = new SemaphoreSlim(16);
        await Task.WhenAll(ids.Select(async id =>
        {
            await limit.WaitAsync(cancellationToken);
            try
            {
                var entries = await bench.Api.GetTimelineAsync(id, cancellationToken);
                var closed = await bench.Api.GetCaseAsync(id, cancellationToken);
                var ok = closed.Status == CaseStatus.Closed
                    && entries.Select(e => e.Type).SequenceEqual(expected)
                    && entries.Select(e => e.Seq).SequenceEqual(Enumerable.Range(1, expected.Length).Select(n => (long)n))
                    && TimelineChain.FindFirstBrokenLink(entries) is null;
                if (!ok)
                {
                    lock (problems)
                    {
                        problems.Add($"{id}: {closed.Status}, {string.Join(",", entries.Select(e => $"{e.Seq}:{e.Type}"))}");
                    }
                }
            }
            finally
            {
                limit.Release();
            }
        }));
        return problems;
    }
}

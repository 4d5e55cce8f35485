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

    public static async Task<ReportRow> RunAsync(BenchEnvironment bench, int cases, CancellationToken cancellationToken)
    {
        var run = await MeasureAsync(bench, cases, cancellationToken);
        return new ReportRow(
            $"Create-and-drive {cases} cases × {Stages} stages concurrently",
            FormattableString.Invariant($"{run.CaseFyRate:F1} cases/s ({run.CaseFy.TotalSeconds:F1} s)"),
            FormattableString.Invariant($"{run.RawRate:F1} orchestrations/s ({run.Raw.TotalSeconds:F1} s)"),
            run.RawRate / run.CaseFyRate, null,
            $"each side in two halves of {cases / 2}+{cases - (cases / 2)} concurrent, order raw, CaseFy, CaseFy, raw; ratio = raw rate ÷ CaseFy rate; timelines checked: {cases}, lost or duplicated entries / broken chains: {run.Problems}");
    }

    /// <summary>One create-and-drive of <paramref name="cases"/> per side: both times, Azurite's CPU time, timeline problems.</summary>
    public static async Task<ThroughputRun> MeasureAsync(BenchEnvironment bench, int cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var azuriteBefore = bench.AzuriteProcessorTime;
        var wall = Stopwatch.StartNew();

        // Two halves in the order raw, CaseFy, CaseFy, raw, so a drift in machine load or hub size favours neither side.
        var half = cases / 2;
        var rawElapsed = await DriveRawAsync(bench, half, cancellationToken);
        var (casefyFirst, ids) = await DriveCaseFyAsync(bench, half, cancellationToken);
        var (casefySecond, moreIds) = await DriveCaseFyAsync(bench, cases - half, cancellationToken);
        rawElapsed += await DriveRawAsync(bench, cases - half, cancellationToken);
        var casefyElapsed = casefyFirst + casefySecond;
        ids.AddRange(moreIds);
        Console.WriteLine(FormattableString.Invariant($"  raw: {cases} orchestrations in {rawElapsed.TotalSeconds:F1} s = {cases / rawElapsed.TotalSeconds:F1}/s"));
        Console.WriteLine(FormattableString.Invariant($"  CaseFy: {cases} cases in {casefyElapsed.TotalSeconds:F1} s = {cases / casefyElapsed.TotalSeconds:F1}/s"));

        var azuriteBusy = (bench.AzuriteProcessorTime - azuriteBefore) / wall.Elapsed;
        var problems = await CheckTimelinesAsync(bench, ids, cancellationToken);
        Console.WriteLine($"  timelines checked: {ids.Count}, problems: {problems.Count}");
        foreach (var problem in problems.Take(5))
        {
            Console.WriteLine("    " + problem);
        }

        return new ThroughputRun(cases, casefyElapsed, rawElapsed, azuriteBusy, problems.Count);
    }

    private static async Task<TimeSpan> DriveRawAsync(BenchEnvironment bench, int count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
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
        }));
        return clock.Elapsed;
    }

    private static Task<(TimeSpan Elapsed, List<string> Ids)> DriveCaseFyAsync(BenchEnvironment bench, int count, CancellationToken cancellationToken) =>
        DriveCaseFyAsync(bench, [bench.Api], count, cancellationToken);

    /// <summary>Opens and drives <paramref name="count"/> cases at once, case i through <paramref name="apis"/>[i mod n] (instances behind a balancer).</summary>
    public static async Task<(TimeSpan Elapsed, List<string> Ids)> DriveCaseFyAsync(
        BenchEnvironment bench, IReadOnlyList<BenchApi> apis, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentNullException.ThrowIfNull(apis);
        var template = await bench.Api.CreateTemplateAsync(Stages, cancellationToken);
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
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
        }));
        return (clock.Elapsed, ids.ToList());
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

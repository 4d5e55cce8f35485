using System.Diagnostics;
using CaseFy.Benchmarks.RawEngine;
using Microsoft.DurableTask;

namespace CaseFy.Benchmarks;

/// <summary>
/// (1) Stage advance: from the API call until the next stage is persisted with its timeline entry, against the raw
/// engine's round trip (raise an event → activity writes a row), both observed by polling a table point read.
/// </summary>
public static class StageAdvanceBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    // Each sample starts from a settled machine: the work a side does after its measured moment (CaseFy's next generation
    // entering its stage, the raw orchestration continuing as new) must not land in the other side's sample.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    public static async Task<ReportRow> RunAsync(BenchEnvironment bench, int samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var casefy = new Samples("CaseFy advance");
        var raw = new Samples("raw event round trip");
        var call = new Samples("CaseFy advance call (until 202)");
        var caughtUp = new Samples("CaseFy engine caught up (next generation's entry ended)");
        using var spans = new RequestSpans();
        using var engine = new EngineActivities();

        // Interleaved, so both see the same machine load.
        var stages = samples + 1;
        var template = await bench.Api.CreateTemplateAsync(stages, cancellationToken);
        var opened = await bench.Api.OpenCaseAsync(template.Id, "Stage advance", cancellationToken);
        var rawId = "adv-" + Guid.NewGuid().ToString("N");
        await bench.Raw.Client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(RawStageOrchestrator)), new RawStage(rawId, 0, stages), new StartOrchestrationOptions(rawId), cancellationToken);
        for (var stage = 0; stage < samples; stage++)
        {
            await bench.Api.WaitForStageEnteredAsync(opened.Id, stage, Poll, cancellationToken);
            // One entry per generation: the opening's, then one per advance (so the clock starts after the last one ended).
            await engine.WaitForEntryAsync(opened.Id, stage + 1, cancellationToken);
            var clock = Stopwatch.StartNew();
            var started = Stopwatch.GetTimestamp();
            await spans.MeasureAsync(() => bench.Api.AdvanceAsync(opened.Id, cancellationToken));
            call.Add(clock.Elapsed);
            await bench.WaitForStoredStageAsync(opened.Id, $"s{stage + 1}", Poll, cancellationToken);
            casefy.Add(clock.Elapsed);
            caughtUp.Add(Stopwatch.GetElapsedTime(started, await engine.WaitForEntryAsync(opened.Id, stage + 2, cancellationToken)));
            await Task.Delay(Settle, cancellationToken);

            await bench.Raw.Table.WaitForRowAsync(rawId, RowKeys.Entered(stage), Poll, cancellationToken);
            clock.Restart();
            await bench.Raw.Client.RaiseEventAsync(rawId, RawStageOrchestrator.EventName, "go", cancellationToken);
            await bench.Raw.Table.WaitForRowAsync(rawId, RowKeys.Exited(stage), Poll, cancellationToken);
            raw.Add(clock.Elapsed);
            await Task.Delay(Settle, cancellationToken);
        }

        Console.WriteLine($"  {casefy}{Environment.NewLine}  {call}{Environment.NewLine}  {caughtUp}{Environment.NewLine}  {raw}{Environment.NewLine}  the call's spans: {spans.Summary()}");
        return new ReportRow(
            "Stage advance (API call → next stage + timeline entry stored)",
            Format(casefy), Format(raw), casefy.Median / raw.Median, 1.3,
            FormattableString.Invariant($"n={samples} each, interleaved, each sample {Settle.TotalMilliseconds:F0} ms after the other side's; ratio of medians (p95 ratio {casefy.P95 / raw.P95:F2}); of CaseFy's time, the API call itself (store + signal, until 202) takes median {call.Median:F1} ms (the advance is stored by the call itself when the stage has no automations left to run, as here); the engine has caught up (the next generation's entry activity ended) at median {caughtUp.Median:F1} ms, p95 {caughtUp.P95:F1} ms; the call's spans per call (count, mean; nested spans count in their parent too): {spans.Summary()}"));
    }

    public static string Format(Samples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return FormattableString.Invariant($"median {samples.Median:F1} ms, p95 {samples.P95:F1} ms");
    }
}

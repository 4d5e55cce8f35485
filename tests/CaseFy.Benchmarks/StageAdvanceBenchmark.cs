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
        using var spans = new RequestSpans();

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
            var clock = Stopwatch.StartNew();
            await spans.MeasureAsync(() => bench.Api.AdvanceAsync(opened.Id, cancellationToken));
            call.Add(clock.Elapsed);
            await bench.WaitForStoredStageAsync(opened.Id, $"s{stage + 1}", Poll, cancellationToken);
            casefy.Add(clock.Elapsed);
            await Task.Delay(Settle, cancellationToken);

            await bench.Raw.Table.WaitForRowAsync(rawId, RowKeys.Entered(stage), Poll, cancellationToken);
            clock.Restart();
            await bench.Raw.Client.RaiseEventAsync(rawId, RawStageOrchestrator.EventName, "go", cancellationToken);
            await bench.Raw.Table.WaitForRowAsync(rawId, RowKeys.Exited(stage), Poll, cancellationToken);
            raw.Add(clock.Elapsed);
            await Task.Delay(Settle, cancellationToken);
        }

        Console.WriteLine($"  {casefy}{Environment.NewLine}  {call}{Environment.NewLine}  {raw}{Environment.NewLine}  the call's spans: {spans.Summary()}");
        return new ReportRow(
            "Stage advance (API call → next stage + timeline entry stored)",
            Format(casefy), Format(raw), casefy.Median / raw.Median, 1.3,
            FormattableString.Invariant($"n={samples} each, interleaved, each sample {Settle.TotalMilliseconds:F0} ms after the other side's; ratio of medians (p95 ratio {casefy.P95 / raw.P95:F2}); of CaseFy's time, the API call itself (store + signal, until 202) takes median {call.Median:F1} ms; its spans per call (count, mean; nested spans count in their parent too): {spans.Summary()}"));
    }

    public static string Format(Samples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return FormattableString.Invariant($"median {samples.Median:F1} ms, p95 {samples.P95:F1} ms");
    }
}

using CaseFy.Model.Cases;
using CaseFy.Orchestration.Activities;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration.Orchestrators;

/// <summary>
/// One instance per case (instance id = case id). Each generation handles one stage visit: enter it (evaluated in the same
/// change when it has no on-enter automations), run its
/// on-enter automations, then evaluate the stored facts after every signal or timer (overdue tasks, SLA breach,
/// exit criteria) until the stage is to be left; run its on-exit automations, leave it, and continue as new into
/// the next stage so the history stays small. A closed case's instance keeps waiting for signals (an idle instance
/// costs nothing): a reopen is then just a signal, with no race against the instance's completion. Deterministic:
/// all I/O and clocks are in the activities.
/// </summary>
public sealed class CaseOrchestrator : TaskOrchestrator<CaseOrchestrationInput, CaseStatus>
{
    // Storage hiccups must not fail a case: retry activities with back-off for about an hour.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 20,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <inheritdoc/>
    public override async Task<CaseStatus> RunAsync(TaskOrchestrationContext context, CaseOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var progress = await context.CallActivityAsync<CaseProgress>(nameof(EnterStageActivity), input.CaseId, Retry);
        var (stageIndex, visit) = (progress.StageIndex, progress.Visit);
        for (var i = 0; i < progress.EnterAutomations && progress.Status != CaseStatus.Closed; i++)
        {
            await RunAutomationAsync(context, new AutomationStep(input.CaseId, stageIndex, visit, AutomationPhase.Enter, i, Attempt: 1));
        }

        // One waiter for the signal, kept across timer wake-ups: a waiter abandoned when a timer wins would swallow
        // the next signal. Signals that arrive while an activity runs are buffered and complete it at once.
        Task<CaseSignal>? signal = null;

        // The entry evaluated the stage itself when it has no on-enter automations: that stands for the first evaluation,
        // unless the stage is to be left at once (the evaluation carries such a move out in one change).
        var evaluated = progress.Evaluated && !progress.Leave;
        while (true)
        {
            if (!evaluated)
            {
                progress = await context.CallActivityAsync<CaseProgress>(
                    nameof(EvaluateStageActivity), new StageStep(input.CaseId, stageIndex, visit), Retry);
            }

            evaluated = false;
            if (progress.Visit != visit)
            {
                // Advanced by the evaluation itself (a stage without on-exit automations), or moved or reopened by a
                // person: the next generation enters the new visit (or finds it entered) and runs its automations. Nothing else is started in
                // this turn: the local sidecar drops work issued beside ContinueAsNew, including a signal buffered here that the worker
                // re-sends to the next generation (harmless: that generation reads the stored facts). Cases once seen stuck right after
                // this line (CI, 2a4a114) were this generation revived by a redelivered start, not a lost continue-as-new: docs/PERFORMANCE.md.
                context.ContinueAsNew(input with { Generation = input.Generation + 1 });
                return progress.Status;
            }

            if (progress.BreachWebhookDue)
            {
                await RunAutomationAsync(context, new AutomationStep(input.CaseId, stageIndex, visit, AutomationPhase.Breach, 0, Attempt: 1));
                continue;
            }

            if (progress.Leave)
            {
                for (var i = 0; i < progress.ExitAutomations; i++)
                {
                    await RunAutomationAsync(context, new AutomationStep(input.CaseId, stageIndex, visit, AutomationPhase.Exit, i, Attempt: 1));
                }

                progress = await context.CallActivityAsync<CaseProgress>(
                    nameof(ExitStageActivity), new StageStep(input.CaseId, stageIndex, visit), Retry);
                if (progress.Status != CaseStatus.Closed)
                {
                    context.ContinueAsNew(input with { Generation = input.Generation + 1 });
                    return progress.Status;
                }

                continue;
            }

            signal ??= context.WaitForExternalEvent<CaseSignal>(CaseSignal.EventName);
            CaseSignal? received = null;
            if (progress.NextWakeAt is not { } wakeAt)
            {
                received = await signal;
                signal = null;
            }
            else if (wakeAt > context.CurrentUtcDateTime)
            {
                // Timers may fire a little early: the evaluation then finds nothing due and returns the same wake time.
                using var cancelTimer = new CancellationTokenSource();
                var timer = context.CreateTimer(wakeAt.UtcDateTime, cancelTimer.Token);
                if (await Task.WhenAny(signal, timer) == signal)
                {
                    // Not CancelAsync: it completes on the thread pool, outside the orchestrator's turn, and the turn would hang.
#pragma warning disable CA1849
                    cancelTimer.Cancel();
#pragma warning restore CA1849
                    received = await signal;
                    signal = null;
                }
            }

            if (received?.Visit > visit)
            {
                // The case is in a later visit already (an advance carried out by the request itself, a move, a reopen):
                // this visit is over, and the next generation reads the stored facts. As above, nothing else in this turn.
                context.ContinueAsNew(input with { Generation = input.Generation + 1 });
                return progress.Status;
            }
        }
    }

    private static async Task RunAutomationAsync(TaskOrchestrationContext context, AutomationStep step)
    {
        for (var attempt = step.Attempt; ; attempt++)
        {
            var result = await context.CallActivityAsync<AutomationResult>(nameof(RunAutomationActivity), step with { Attempt = attempt }, Retry);
            if (result.RetryAfter is not { } delay)
            {
                return;
            }

            await context.CreateTimer(delay, CancellationToken.None);
        }
    }
}

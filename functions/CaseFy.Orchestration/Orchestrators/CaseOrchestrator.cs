using CaseFy.Model.Cases;
using CaseFy.Orchestration.Activities;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration.Orchestrators;

/// <summary>
/// One instance per case (instance id = case id). Each generation handles one stage: enter it, wait for
/// signals until an advance is requested, leave it, then continue as new into the next stage so the
/// history stays small. Deterministic: all I/O and clocks are in the activities.
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
        while (progress.Status == CaseStatus.Open)
        {
            if (progress.AdvanceRequested)
            {
                progress = await context.CallActivityAsync<CaseProgress>(
                    nameof(ExitStageActivity), new StageStep(input.CaseId, progress.StageIndex), Retry);
                if (progress.Status == CaseStatus.Open)
                {
                    // Nothing else is started in this turn: the local sidecar drops work issued beside ContinueAsNew.
                    context.ContinueAsNew(input with { Generation = input.Generation + 1 });
                }

                return progress.Status;
            }

            await context.WaitForExternalEvent<CaseSignal>(CaseSignal.EventName);
            progress = await context.CallActivityAsync<CaseProgress>(nameof(ReadProgressActivity), input.CaseId, Retry);
        }

        return progress.Status;
    }
}

using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration.Activities;

/// <summary>Enters the case's current stage (timeline: <c>StageEntered</c>). Idempotent: a retry finds the stage entered.</summary>
public sealed class EnterStageActivity(ICaseStore cases, TimeProvider time) : TaskActivity<string, CaseProgress>
{
    /// <inheritdoc/>
    public override async Task<CaseProgress> RunAsync(TaskActivityContext context, string input)
    {
        var updated = await cases.UpdateAsync(input, c => CaseLifecycle.EnterStage(c, time.GetUtcNow()), CancellationToken.None)
            ?? throw CaseMissingException.For(input);
        return CaseProgress.Of(updated);
    }
}

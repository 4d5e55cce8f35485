using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Telemetry;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration.Activities;

/// <summary>
/// Enters the case's current stage (timeline: <c>StageEntered</c>, its tasks and document requests) and, when the stage
/// has no on-enter automations, evaluates it in the same change (as the evaluation that moves a case on does when it
/// enters the next stage); a stage entered already (by the request that carried an advance out, or a retry) is
/// evaluated (<see cref="StageEvaluation.EnterOrEvaluate"/>). Idempotent: the evaluation changes nothing twice.
/// </summary>
public sealed class EnterStageActivity(ICaseStore cases, ITemplateStore templates, TimeProvider time) : TaskActivity<string, CaseProgress>
{
    /// <inheritdoc/>
    public override async Task<CaseProgress> RunAsync(TaskActivityContext context, string input)
    {
        using var span = CaseFyTelemetry.StartOrchestrationActivity(nameof(EnterStageActivity), input);
        var (current, template) = await CaseFacts.ReadAsync(cases, templates, input);
        var updated = await cases.UpdateAsync(
                input, c => StageEvaluation.EnterOrEvaluate(c, template, time.GetUtcNow()), read: current, onStored: null, CancellationToken.None)
            ?? throw CaseMissingException.For(input);
        return CaseProgress.Of(updated, template) with { Evaluated = StageEvaluation.EvaluatesOnEntry(updated, template) };
    }
}

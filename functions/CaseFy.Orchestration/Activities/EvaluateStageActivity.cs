using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Telemetry;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration.Activities;

/// <summary>
/// Looks at the stored facts after a signal or a timer: overdue tasks, SLA breach, exit criteria (ready to advance,
/// or the advance of an automatic stage); an advance out of a stage without on-exit automations is carried out at
/// once (exit and next entry). Idempotent: <see cref="StageEvaluation"/> changes nothing twice.
/// </summary>
public sealed class EvaluateStageActivity(ICaseStore cases, ITemplateStore templates, TimeProvider time) : TaskActivity<StageStep, CaseProgress>
{
    /// <inheritdoc/>
    public override async Task<CaseProgress> RunAsync(TaskActivityContext context, StageStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var span = CaseFyTelemetry.StartOrchestrationActivity(nameof(EvaluateStageActivity), input.CaseId);
        var (current, template) = await CaseFacts.ReadAsync(cases, templates, input.CaseId);
        var updated = await cases.UpdateAsync(
                input.CaseId, c => StageEvaluation.EvaluateAndMoveOn(c, template, input.Visit, time.GetUtcNow()), read: current, onStored: null, CancellationToken.None)
            ?? throw CaseMissingException.For(input.CaseId);
        return CaseProgress.Of(updated, template);
    }
}

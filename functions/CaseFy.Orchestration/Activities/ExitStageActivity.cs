using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Telemetry;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration.Activities;

/// <summary>
/// Leaves the stage an advance was requested in, where its route says (timeline: <c>StageExited</c>, and
/// <c>CaseClosed</c> when the route closes the case). Idempotent: once the case has left
/// <see cref="StageStep.StageIndex"/>, a retry changes nothing.
/// </summary>
public sealed class ExitStageActivity(ICaseStore cases, ITemplateStore templates, TimeProvider time)
    : TaskActivity<StageStep, CaseProgress>
{
    /// <inheritdoc/>
    public override async Task<CaseProgress> RunAsync(TaskActivityContext context, StageStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var span = CaseFyTelemetry.StartOrchestrationActivity(nameof(ExitStageActivity), input.CaseId);
        var (current, template) = await CaseFacts.ReadAsync(cases, templates, input.CaseId);
        var updated = await cases.UpdateAsync(
                input.CaseId, c => c.CurrentStage.Visit == input.Visit ? CaseLifecycle.ExitStage(c, template, input.StageIndex, time.GetUtcNow()) : null,
                read: current,
                onStored: null,
                CancellationToken.None)
            ?? throw CaseMissingException.For(input.CaseId);
        return CaseProgress.Of(updated, template);
    }
}

using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration.Activities;

/// <summary>
/// Leaves the stage an advance was requested in (timeline: <c>StageExited</c>, and <c>CaseClosed</c> after the
/// last stage). Idempotent: once the case has left <see cref="StageStep.StageIndex"/>, a retry changes nothing.
/// </summary>
public sealed class ExitStageActivity(ICaseStore cases, ITemplateStore templates, TimeProvider time)
    : TaskActivity<StageStep, CaseProgress>
{
    /// <inheritdoc/>
    public override async Task<CaseProgress> RunAsync(TaskActivityContext context, StageStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await cases.GetAsync(input.CaseId, CancellationToken.None) ?? throw CaseMissingException.For(input.CaseId);
        var template = await templates.GetAsync(current.TemplateId, current.TemplateVersion, CancellationToken.None)
            ?? throw new InvalidOperationException($"Template {current.TemplateId} v{current.TemplateVersion} is missing.");
        var updated = await cases.UpdateAsync(
                input.CaseId, c => CaseLifecycle.ExitStage(c, template, input.StageIndex, time.GetUtcNow()), CancellationToken.None)
            ?? throw CaseMissingException.For(input.CaseId);
        return CaseProgress.Of(updated);
    }
}

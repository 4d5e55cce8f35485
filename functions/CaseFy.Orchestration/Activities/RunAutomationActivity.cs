using System.Globalization;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace CaseFy.Orchestration.Activities;

/// <summary>
/// Runs one attempt of one automation. Case-only automations apply and record in one transaction; a webhook
/// is called, and its outcome recorded once it is delivered or out of attempts (otherwise the orchestrator waits
/// on a durable timer and calls again). Idempotent: a run recorded for the visit is skipped.
/// </summary>
public sealed class RunAutomationActivity(
    ICaseStore cases, ITemplateStore templates, WebhookSender webhooks, IOptions<WebhookOptions> options, TimeProvider time)
    : TaskActivity<AutomationStep, AutomationResult>
{
    /// <inheritdoc/>
    public override async Task<AutomationResult> RunAsync(TaskActivityContext context, AutomationStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var span = CaseFyTelemetry.StartOrchestrationActivity(nameof(RunAutomationActivity), input.CaseId);
        var (current, template) = await CaseFacts.ReadAsync(cases, templates, input.CaseId);
        var runId = AutomationRules.RunId(input.Phase, input.Index);
        var automation = AutomationRules.Find(template, input.StageIndex, input.Phase, input.Index);
        if (automation is null || !AutomationRules.IsDue(current, input.Visit, runId))
        {
            return AutomationResult.Done;
        }

        if (automation.Type != AutomationType.Webhook)
        {
            await cases.UpdateAsync(
                input.CaseId, c => AutomationRules.Apply(c, template, automation, input.Visit, runId, time.GetUtcNow()), CancellationToken.None);
            return AutomationResult.Done;
        }

        var deliveryId = string.Create(CultureInfo.InvariantCulture, $"{input.CaseId}-{input.Visit}-{runId}");
        var (delivered, outcome) = await webhooks.SendAsync(automation.Url!, automation.Secret, deliveryId, current, input.Phase, time.GetUtcNow());
        var settings = options.Value;
        if (!delivered && input.Attempt < settings.MaxAttempts)
        {
            return new AutomationResult(settings.FirstRetryDelay * Math.Pow(2, input.Attempt - 1));
        }

        var data = new Dictionary<string, string>
        {
            // Every reader of the timeline sees this entry: never the path or query, which may carry a credential.
            ["url"] = WebhookUrls.SchemeAndHost(automation.Url!),
            ["attempts"] = input.Attempt.ToString(CultureInfo.InvariantCulture),
            ["deliveryId"] = deliveryId,
        };
        await cases.UpdateAsync(
            input.CaseId,
            c => AutomationRules.RecordOutcome(c, AutomationType.Webhook, input.Visit, runId, outcome, data, time.GetUtcNow()),
            CancellationToken.None);
        return AutomationResult.Done;
    }
}

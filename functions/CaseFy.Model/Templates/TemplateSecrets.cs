namespace CaseFy.Model.Templates;

/// <summary>
/// Webhook secrets and URLs are the template's admins' business: everyone else who reads a template (to work its cases)
/// gets it without the signing secrets and with only the scheme and host of each webhook URL (an incoming-webhook URL
/// is itself a credential), so neither reaches a viewer's browser.
/// </summary>
public static class TemplateSecrets
{
    /// <summary>The template with every webhook secret removed and every webhook URL cut to its scheme and host (automations and SLA breach actions).</summary>
    public static CaseTemplate Redact(CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template with { Stages = [.. template.Stages.Select(Redact)] };
    }

    private static StageDefinition Redact(StageDefinition stage) => stage with
    {
        OnEnter = [.. stage.OnEnter.Select(Redact)],
        OnExit = [.. stage.OnExit.Select(Redact)],
        OnBreach = stage.OnBreach is { } breach
            ? breach with { WebhookSecret = null, WebhookUrl = breach.WebhookUrl is { } url ? WebhookUrls.SchemeAndHost(url) : null }
            : null,
    };

    private static AutomationDefinition Redact(AutomationDefinition automation) =>
        automation with { Secret = null, Url = automation.Url is { } url ? WebhookUrls.SchemeAndHost(url) : null };
}

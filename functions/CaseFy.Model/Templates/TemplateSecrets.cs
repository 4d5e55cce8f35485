namespace CaseFy.Model.Templates;

/// <summary>
/// Webhook secrets are the template's admins' business: everyone else who reads a template (to work its cases) gets it
/// without them, so a signing key never reaches a viewer's browser.
/// </summary>
public static class TemplateSecrets
{
    /// <summary>The template with every webhook secret (automations and SLA breach actions) removed.</summary>
    public static CaseTemplate Redact(CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template with { Stages = [.. template.Stages.Select(Redact)] };
    }

    private static StageDefinition Redact(StageDefinition stage) => stage with
    {
        OnEnter = [.. stage.OnEnter.Select(a => a with { Secret = null })],
        OnExit = [.. stage.OnExit.Select(a => a with { Secret = null })],
        OnBreach = stage.OnBreach is { } breach ? breach with { WebhookSecret = null } : null,
    };
}

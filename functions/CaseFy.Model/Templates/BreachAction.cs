namespace CaseFy.Model.Templates;

/// <summary>What happens when a stage's SLA is breached, besides the <c>SlaBreached</c> timeline entry.</summary>
/// <param name="EscalateTo">Who gets the escalation task: <c>owner</c> (default) or a participant role.</param>
/// <param name="WebhookUrl">Optionally, a webhook to call (signed like a webhook automation).</param>
/// <param name="WebhookSecret">The webhook's signing key.</param>
public sealed record BreachAction(string? EscalateTo, string? WebhookUrl, string? WebhookSecret);

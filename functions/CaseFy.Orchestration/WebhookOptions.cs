using System.ComponentModel.DataAnnotations;

namespace CaseFy.Orchestration;

/// <summary>How webhook automations are delivered (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Attempts before the outcome is recorded as failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second attempt; it doubles each time (a durable timer in the orchestration).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether a URL naming this machine (plain http included) may be called: set from the host's environment
    /// (Development only) after configuration is bound, so no setting can turn it on in Azure.
    /// </summary>
    public bool AllowLoopback { get; set; }
}

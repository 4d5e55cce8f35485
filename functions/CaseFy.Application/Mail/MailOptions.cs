using System.ComponentModel.DataAnnotations;

namespace CaseFy.Application.Mail;

/// <summary>
/// Mail (configuration section <c>Mail</c>). Off unless a way out is configured: <see cref="AcsEndpoint"/> (Azure
/// Communication Services Email, the app's managed identity) or <see cref="PickupFolder"/> (<c>.eml</c> files; the local
/// host sets it to <c>mail/</c> in its data folder).
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Mail";

    /// <summary>
    /// The communication service's endpoint (<c>https://name.communication.azure.com</c>); wins over the pickup folder.
    /// Empty (as the Bicep writes it when mail is not provisioned): not used.
    /// </summary>
    public string? AcsEndpoint { get; set; }

    /// <summary>The client id of the user-assigned managed identity that may send (Azure).</summary>
    public string? ClientId { get; set; }

    /// <summary>Where <c>.eml</c> files are written instead of sending.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>The From address (in Azure the managed domain's <c>DoNotReply@…</c>); checked only when mail is on.</summary>
    public string? SenderAddress { get; set; } = "casefy@localhost.localdomain";

    /// <summary>The From name.</summary>
    [Required]
    public string SenderName { get; set; } = "CaseFy";

    /// <summary>How often the dispatcher looks for due mail when the last look found none.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry delay after a failed send; it doubles per failure up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sends tried per mail before it is given up and recorded as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a dispatcher holds a delivery; another instance takes it over after that.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The UTC hour (0-23) from which each day's digest goes to the team members who chose a daily digest.</summary>
    [Range(0, 23)]
    public int DigestHourUtc { get; set; } = 7;

    /// <summary>How often the dispatcher's loop looks for due daily digests (the first look is one interval after start).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether mail is sent at all.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(AcsEndpoint) || !string.IsNullOrWhiteSpace(PickupFolder);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(AcsEndpoint) && !(Uri.TryCreate(AcsEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"Mail:AcsEndpoint '{AcsEndpoint}' is not an https URL.", [nameof(AcsEndpoint)]);
        }

        if (IsEnabled && !MimeKit.MailboxAddress.TryParse(SenderAddress ?? string.Empty, out _))
        {
            yield return new ValidationResult("Mail:SenderAddress is not an e-mail address.", [nameof(SenderAddress)]);
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace CaseFy.Storage;

/// <summary>
/// How CaseFy reaches its storage account (configuration section <c>Storage</c>). Either a connection string
/// (Azurite, or a key-based account) or the service URIs, which use Microsoft Entra ID (managed identity in Azure).
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity, when the URIs are used.</summary>
    public string? ClientId { get; set; }

    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,40}$")]
    public string TablePrefix { get; set; } = "CaseFy";

    [Required]
    [RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    public string DocumentsContainer { get; set; } = "documents";

    /// <summary>
    /// How long a newly released event stays out of the events feed, so a release another process is still
    /// writing cannot land behind a cursor a reader already holds. Keep it above the slowest feed write.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan EventFeedSettle { get; set; } = TimeSpan.FromSeconds(5);

    public bool UsesIdentity => string.IsNullOrWhiteSpace(ConnectionString);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesIdentity && (TableServiceUri is null || BlobServiceUri is null))
        {
            yield return new ValidationResult(
                "Configure Storage:ConnectionString, or both Storage:TableServiceUri and Storage:BlobServiceUri.",
                [nameof(ConnectionString), nameof(TableServiceUri), nameof(BlobServiceUri)]);
        }
    }
}

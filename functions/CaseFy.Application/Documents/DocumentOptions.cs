using System.ComponentModel.DataAnnotations;

namespace CaseFy.Application.Documents;

/// <summary>Case document settings (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>The largest file of a document the template does not define (an ad-hoc document); any content type.</summary>
    [Range(1L, Model.Templates.TemplateRules.MaxDocumentBytes)]
    public long AdHocMaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How long a download link (read-only SAS for one blob) works.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an upload URL (create-only SAS for one new blob) works.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The app's own key (<see cref="Security.ServerKeys"/>), from which the keys that sign the metadata of uploaded blobs
    /// (<see cref="UploadMetadataSigner"/>) and seal list continuation tokens are derived: one value all instances
    /// share, its own (not the Event Grid webhook's secret, which leaves the app). Unset: a key made at start.
    /// </summary>
    public string? MetadataSigningKey { get; set; }
}

using CaseFy.Model.Cases;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Documents;

/// <summary>A document of a case as listed: its state and versions, and the limits an upload must keep.</summary>
/// <param name="Key">The document key (part of every document route).</param>
/// <param name="Name">Its name.</param>
/// <param name="Provider">Who is asked for it.</param>
/// <param name="FromTemplate">Whether its stage's exit criteria wait for it to be accepted.</param>
/// <param name="Status">requested, uploaded or accepted.</param>
/// <param name="RejectionReason">Why the latest version was rejected, until a new one is uploaded.</param>
/// <param name="Versions">Every uploaded version, oldest first.</param>
/// <param name="ContentTypes">The media types an upload may have; <see langword="null"/> for any.</param>
/// <param name="MaxBytes">The largest file an upload may be.</param>
public sealed record DocumentListItem(
    string Key,
    string Name,
    DocumentProvider Provider,
    bool FromTemplate,
    DocumentStatus Status,
    string? RejectionReason,
    IReadOnlyList<DocumentVersion> Versions,
    IReadOnlyList<string>? ContentTypes,
    long MaxBytes)
{
    public static DocumentListItem From(CaseDocument document, CaseTemplate? template, long adHocMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (contentTypes, maxBytes) = template is null ? (null, adHocMaxBytes) : DocumentRules.LimitsOf(template, document.Key, adHocMaxBytes);
        return new DocumentListItem(
            document.Key, document.Name, document.Provider, document.FromTemplate, document.Status, document.RejectionReason,
            document.Versions, contentTypes, maxBytes);
    }
}

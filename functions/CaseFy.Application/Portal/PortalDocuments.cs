using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Portal;

/// <summary>
/// Which documents an external party is asked for: those requested from an external provider (by the stages entered so
/// far or an automation) that are not accepted yet, on an open case, through a link that may upload.
/// </summary>
public static class PortalDocuments
{
    /// <summary>Whether document <paramref name="key"/> is asked of an external party now (whether this link may upload it or not).</summary>
    public static bool IsRequested(CaseRecord current, string key)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Outstanding(current).Any(d => d.Key == key);
    }

    /// <summary>The requests as the party's page shows them.</summary>
    public static List<PortalDocumentRequest> RequestsFor(CaseRecord current, PortalLink link, CaseTemplate? template, long adHocMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(link);
        if (!link.Actions.Contains(PortalAction.Upload))
        {
            return [];
        }

        var party = link.AsActor().Id;
        return [.. Outstanding(current).Select(d =>
        {
            var (contentTypes, maxBytes) = template is null ? (null, adHocMaxBytes) : DocumentRules.LimitsOf(template, d.Key, adHocMaxBytes);
            return new PortalDocumentRequest(
                d.Key,
                d.Name,
                d.Status == DocumentStatus.Uploaded ? "uploaded" : "requested",
                contentTypes,
                maxBytes,
                [.. d.Versions.Where(v => v.UploadedBy.Id == party).Select(v => new PortalUpload(v.FileName, v.UploadedAt))]);
        })];
    }

    private static IEnumerable<CaseDocument> Outstanding(CaseRecord current) =>
        current.Status == CaseStatus.Open
            ? current.Documents.Where(d => d.Provider == DocumentProvider.External && d.Status != DocumentStatus.Accepted)
            : [];
}

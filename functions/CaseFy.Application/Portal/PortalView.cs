using CaseFy.Model.Portal;

namespace CaseFy.Application.Portal;

/// <summary>
/// What an external party sees through a portal link: the title, where the case stands, and the public timeline
/// (stage changes and their own actions), and the documents asked of them when the link may upload. Never internal
/// notes, reasons, people's names or other parties' data.
/// </summary>
public sealed record PortalView(
    string Title,
    string Status,
    PortalStage CurrentStage,
    IReadOnlyList<PortalStage> Stages,
    IReadOnlyList<PortalAction> Actions,
    string YourName,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<PortalTimelineEntry> Timeline,
    IReadOnlyList<PortalDocumentRequest> RequestedDocuments);

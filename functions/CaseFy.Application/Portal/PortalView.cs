using System.Text.Json;
using CaseFy.Model.Portal;

namespace CaseFy.Application.Portal;

/// <summary>
/// What an external party sees through a portal link: the title and number, where the case stands, and the public
/// timeline (stage changes, their own actions and their conversation's messages), the documents asked of them when the link may upload, the fields
/// asked of them when it may answer, and the values of the fields the template shows them. Never internal notes,
/// reasons, people's names, other fields or other parties' data.
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
    IReadOnlyList<PortalDocumentRequest> RequestedDocuments)
{
    /// <summary>The case number (<c>ONB-0042</c>), when its template has a prefix.</summary>
    public string? Number { get; init; }

    /// <summary>The values of the fields marked <c>visibleToExternal</c> (only those).</summary>
    public IReadOnlyDictionary<string, JsonElement> Data { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>
    /// Set when older public entries may exist than <see cref="Timeline"/> holds: pass it to
    /// <c>GET /api/portal/{token}/timeline</c> to read on.
    /// </summary>
    public string? TimelineContinuationToken { get; init; }

    /// <summary>
    /// The link's conversation with the team, oldest first (the newest <see cref="ConversationService.MessagesInView"/>),
    /// when the link has <c>message</c>; never another link's.
    /// </summary>
    public IReadOnlyList<PortalMessage> Messages { get; init; } = [];

    /// <summary>Set when older messages may exist: pass it to <c>GET /api/portal/{token}/messages</c> to read on.</summary>
    public string? MessagesContinuationToken { get; init; }

    /// <summary>The current stage's <c>externalFields</c>, when the link has <c>answer</c> and the case is open.</summary>
    public IReadOnlyList<PortalField> Fields { get; init; } = [];
}

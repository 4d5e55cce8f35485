using CaseFy.Model;
using CaseFy.Model.Portal;

namespace CaseFy.Application.Portal;

/// <summary>A portal link as listed to the team: never its token or hash.</summary>
public sealed record PortalLinkSummary(
    string Id,
    string Name,
    string? Email,
    IReadOnlyList<PortalAction> Actions,
    DateTimeOffset CreatedAt,
    Actor CreatedBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? UseRecordedAt,
    string Status)
{
    public static PortalLinkSummary Of(PortalLink link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(link);
        var status = link.RevokedAt is not null ? "revoked" : now >= link.ExpiresAt ? "expired" : "active";
        return new(link.Id, link.Name, link.Email, link.Actions, link.CreatedAt, link.CreatedBy, link.ExpiresAt,
            link.RevokedAt, link.UseRecordedAt, status);
    }
}

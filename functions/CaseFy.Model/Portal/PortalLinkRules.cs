using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Portal;

/// <summary>The rules for portal links: create, revoke, and record their use on the timeline.</summary>
public static class PortalLinkRules
{
    public const int DefaultExpiryDays = 30;
    public const int MaxExpiryDays = 180;
    public const int MaxLinksPerCase = 100;

    /// <summary>A use is put on the timeline at most once per link per this interval, so reading a page does not flood it.</summary>
    public static readonly TimeSpan UseRecordingInterval = TimeSpan.FromHours(1);

    /// <summary>Adds a link to an open case.</summary>
    /// <exception cref="CaseRuleException">The case is closed or has too many links.</exception>
    public static CaseChange Create(CaseRecord current, PortalLink link, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(link);
        if (current.Status != CaseStatus.Open)
        {
            throw new CaseRuleException("The case is closed: it cannot get new portal links.");
        }

        if (current.PortalLinks.Count >= MaxLinksPerCase)
        {
            throw new CaseRuleException($"A case has at most {MaxLinksPerCase} portal links.");
        }

        return new TimelineWriter(current with { PortalLinks = [.. current.PortalLinks, link] }, now)
            .Append(TimelineEntryTypes.PortalLinkCreated, actor, DescribeFully(link))
            .ToChange();
    }

    /// <summary>Revokes a link; nothing to do when it is unknown or already revoked.</summary>
    public static CaseChange? Revoke(CaseRecord current, string linkId, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var link = current.PortalLinks.FirstOrDefault(l => l.Id == linkId);
        if (link is null || link.RevokedAt is not null)
        {
            return null;
        }

        return new TimelineWriter(Replace(current, link with { RevokedAt = now }), now)
            .Append(TimelineEntryTypes.PortalLinkRevoked, actor, DescribeFully(link))
            .ToChange();
    }

    /// <summary>
    /// Records that the external party used the link, unless a use was recorded within
    /// <see cref="UseRecordingInterval"/> or the link no longer works.
    /// </summary>
    public static CaseChange? RecordUse(CaseRecord current, string linkId, string what, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var link = current.PortalLinks.FirstOrDefault(l => l.Id == linkId);
        if (link is null || !link.IsActiveAt(now)
            || (link.UseRecordedAt is { } last && now - last < UseRecordingInterval))
        {
            return null;
        }

        var data = Describe(link);
        data["what"] = what;
        return new TimelineWriter(Replace(current, link with { UseRecordedAt = now }), now)
            .Append(TimelineEntryTypes.PortalLinkUsed, link.AsActor(), data)
            .ToChange();
    }

    private static CaseRecord Replace(CaseRecord current, PortalLink link) =>
        current with { PortalLinks = current.PortalLinks.Select(l => l.Id == link.Id ? link : l).ToList() };

    private static Dictionary<string, string> Describe(PortalLink link) => new()
    {
        ["linkId"] = link.Id,
        ["name"] = link.Name,
    };

    // What the team reads from the timeline about a link (its conversation's send box needs the actions and expiry;
    // the case's JSON leaves links out): never its e-mail address or hash.
    private static Dictionary<string, string> DescribeFully(PortalLink link)
    {
        var data = Describe(link);
        data["actions"] = string.Join(',', link.Actions.Select(a => a.ToString().ToLowerInvariant()));
        data["expiresAt"] = link.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return data;
    }
}

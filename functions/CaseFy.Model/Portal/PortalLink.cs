namespace CaseFy.Model.Portal;

/// <summary>
/// A capability URL given to an external party for one case. The token itself is shown once and never stored:
/// only its SHA-256 hash is, so a copy of the storage cannot be turned into working links.
/// </summary>
/// <param name="Id">The link's id (32 hex digits), used to list and revoke it.</param>
/// <param name="Name">The external party's name, shown on the timeline.</param>
/// <param name="Email">Their e-mail address, when given: CaseFy mails them there (with the link) when mail is on.</param>
/// <param name="Actions">What the link allows.</param>
/// <param name="TokenHash">Lowercase hex SHA-256 of the token.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="ExpiresAt">After this instant the link no longer works.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="UseRecordedAt">When a use was last put on the timeline (uses are recorded at most once an hour).</param>
public sealed record PortalLink(
    string Id,
    string Name,
    string? Email,
    IReadOnlyList<PortalAction> Actions,
    string TokenHash,
    DateTimeOffset CreatedAt,
    Actor CreatedBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? UseRecordedAt)
{
    /// <summary>Whether the link works at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>The prefix of the actor id of every external party (<see cref="AsActor"/>).</summary>
    public const string ActorIdPrefix = "portal-link:";

    /// <summary>Who acts on the timeline when the external party uses the link.</summary>
    public Actor AsActor() => new(ActorIdPrefix + Id, Name);

    /// <summary>Whether <paramref name="actor"/> is an external party acting through a portal link.</summary>
    public static bool IsLinkActor(Actor actor) => actor?.Id.StartsWith(ActorIdPrefix, StringComparison.Ordinal) == true;
}

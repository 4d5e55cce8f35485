namespace CaseFy.LocalHost.Identity;

/// <summary>Who signed in on the development issuer's page (and with which mail address, if any), for which authorization request, until when the code works.</summary>
public sealed record DevAuthorizationGrant(string Name, IReadOnlyList<string> Roles, DevAuthorizeRequest Request, DateTimeOffset ExpiresAt, string? Email = null);

namespace CaseFy.LocalHost.Identity;

/// <summary>Who signed in on the development issuer's page, for which authorization request, until when the code works.</summary>
public sealed record DevAuthorizationGrant(string Name, IReadOnlyList<string> Roles, DevAuthorizeRequest Request, DateTimeOffset ExpiresAt);

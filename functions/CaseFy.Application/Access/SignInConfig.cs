namespace CaseFy.Application.Access;

/// <summary>The portal's sign-in settings (<c>GET /api/config</c>); nothing in it is secret.</summary>
/// <param name="Mode"><c>dev</c> (offline development issuer), <c>entra</c> (Entra ID) or <c>none</c> (not configured: nobody can sign in).</param>
/// <param name="Authority">The Entra ID authority, in <c>entra</c> mode.</param>
/// <param name="ClientId">The app registration's client id, in <c>entra</c> mode.</param>
/// <param name="Scopes">The scopes to request, in <c>entra</c> mode.</param>
/// <param name="DevTokenUrl">Where to get a development token, in <c>dev</c> mode.</param>
public sealed record SignInConfig(string Mode, string? Authority, string? ClientId, IReadOnlyList<string> Scopes, string? DevTokenUrl);

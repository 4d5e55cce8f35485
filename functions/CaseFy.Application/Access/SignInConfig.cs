namespace CaseFy.Application.Access;

/// <summary>
/// The portal's sign-in settings (<c>GET /api/config</c>); nothing in it is secret. The same shape in every mode: the
/// portal signs in with OpenID Connect (authorization code + PKCE) against <paramref name="Authority"/> either way.
/// </summary>
/// <param name="Mode"><c>dev</c> (the local host's development issuer), <c>entra</c> (Entra ID) or <c>none</c> (not configured: nobody can sign in).</param>
/// <param name="Authority">The OpenID provider (its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>).</param>
/// <param name="ClientId">The app registration's client id.</param>
/// <param name="Scopes">The API scopes to request (besides <c>openid profile</c>).</param>
public sealed record SignInConfig(string Mode, string? Authority, string? ClientId, IReadOnlyList<string> Scopes);

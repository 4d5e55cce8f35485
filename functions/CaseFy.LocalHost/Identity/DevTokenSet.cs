namespace CaseFy.LocalHost.Identity;

/// <summary>The token endpoint's answer (RFC 6749 §5.1 plus the OpenID Connect ID token).</summary>
public sealed record DevTokenSet(string AccessToken, string TokenType, int ExpiresIn, string IdToken, string Scope);

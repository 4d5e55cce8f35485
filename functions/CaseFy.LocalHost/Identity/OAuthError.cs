namespace CaseFy.LocalHost.Identity;

/// <summary>An OAuth 2.0 error answer (RFC 6749 §5.2): what OAuth clients, oidc-client-ts included, read.</summary>
public sealed record OAuthError(string Error, string ErrorDescription);

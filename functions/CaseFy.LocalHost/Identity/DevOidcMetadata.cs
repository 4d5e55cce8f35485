namespace CaseFy.LocalHost.Identity;

/// <summary>The development OpenID provider's discovery document (<c>/.well-known/openid-configuration</c>).</summary>
public sealed record DevOidcMetadata(
    string Issuer,
    string AuthorizationEndpoint,
    string TokenEndpoint,
    string JwksUri,
    string EndSessionEndpoint,
    IReadOnlyList<string> ResponseTypesSupported,
    IReadOnlyList<string> ResponseModesSupported,
    IReadOnlyList<string> GrantTypesSupported,
    IReadOnlyList<string> SubjectTypesSupported,
    IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    IReadOnlyList<string> CodeChallengeMethodsSupported,
    IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    IReadOnlyList<string> ScopesSupported);

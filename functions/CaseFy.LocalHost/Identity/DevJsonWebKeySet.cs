namespace CaseFy.LocalHost.Identity;

/// <summary>The provider's key set (<c>jwks_uri</c>).</summary>
public sealed record DevJsonWebKeySet(IReadOnlyList<DevJsonWebKey> Keys);

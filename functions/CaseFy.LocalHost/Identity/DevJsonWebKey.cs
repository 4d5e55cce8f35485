namespace CaseFy.LocalHost.Identity;

/// <summary>One public signing key (RFC 7517).</summary>
public sealed record DevJsonWebKey(string Kty, string Use, string Alg, string Kid, string N, string E);

using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// The development OpenID provider's one-time authorization codes, in memory: a code is random, lives
/// <see cref="Lifetime"/>, and is gone after its first redemption whatever its outcome (so a guessed verifier gets
/// one try). Redeeming checks the client, the redirect URI and the PKCE verifier (RFC 7636, S256 only).
/// </summary>
public sealed partial class DevAuthorizationCodes(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DevAuthorizationGrant> _grants = new(StringComparer.Ordinal);

    /// <summary>A new code for <paramref name="grant"/>.</summary>
    public string Issue(DevAuthorizationGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var now = time.GetUtcNow();
        foreach (var (staleCode, stale) in _grants.Where(g => g.Value.ExpiresAt <= now))
        {
            _grants.TryRemove(new(staleCode, stale));
        }

        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _grants[code] = grant with { ExpiresAt = now + Lifetime };
        return code;
    }

    /// <summary>The grant behind <paramref name="code"/>, or why it cannot be redeemed (an OAuth <c>invalid_grant</c>).</summary>
    public (DevAuthorizationGrant? Grant, string? Fault) Redeem(string code, string? clientId, string? redirectUri, string? codeVerifier)
    {
        if (!_grants.TryRemove(code, out var grant) || grant.ExpiresAt <= time.GetUtcNow())
        {
            return (null, "The code is unknown, expired or already used.");
        }

        if (clientId != grant.Request.ClientId || redirectUri != grant.Request.RedirectUri)
        {
            return (null, "The code was issued to another client or redirect URI.");
        }

        if (codeVerifier is null || !VerifierFormat().IsMatch(codeVerifier)
            || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)))),
                Encoding.ASCII.GetBytes(grant.Request.CodeChallenge)))
        {
            return (null, "The code verifier does not match the code challenge.");
        }

        return (grant, null);
    }

    // RFC 7636 §4.1: 43 to 128 unreserved characters.
    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex VerifierFormat();
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// The offline development issuer: signs tokens with an RSA key, which the same Microsoft.Identity.Web/JwtBearer
/// pipeline validates (see <see cref="DevIssuerJwtBearerSetup"/>). The key is kept in the host's data folder when it
/// has one (<see cref="DevIssuerKeyFile"/>), so a restart keeps everyone signed in; otherwise it lives in memory only.
/// Local host only, Development only, loopback only (<see cref="DevIssuerGuard"/>).
/// </summary>
public sealed class DevIssuer : IDisposable
{
    public const string Issuer = "https://dev-issuer.casefy.invalid/";
    public const string ClientId = "casefy-local";
    public const string Audience = "api://casefy-local";
    public const string TenantId = "00000000-0000-0000-0000-00000000dead";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly RSA _rsa;
    private readonly TimeProvider _time;

    /// <param name="time">The clock tokens are issued by.</param>
    /// <param name="keyFile">Where the key is kept (PEM); <see langword="null"/> for a key that dies with the process.</param>
    public DevIssuer(TimeProvider time, string? keyFile = null)
    {
        _time = time;
        _rsa = keyFile is null ? RSA.Create(2048) : DevIssuerKeyFile.LoadOrCreate(keyFile);
        // Its own provider factory: the shared one caches signers by key id, and a stable key id would hand a second
        // issuer in the same process (a restarted host in the tests) the first one's disposed RSA.
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = DevIssuerKeyFile.KeyIdOf(_rsa), CryptoProviderFactory = new CryptoProviderFactory() };
    }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>
    /// A token for <paramref name="name"/> with the app <paramref name="roles"/>. The object id is derived from the
    /// name, so the same name is the same person across tokens and restarts (participants are stored by object id).
    /// With <paramref name="email"/> the token carries it as claim <c>email</c> (as Entra ID does when configured).
    /// </summary>
    public string Mint(string name, IEnumerable<string> roles, string? email = null)
    {
        var claims = PersonClaims(name);
        if (email is not null)
        {
            claims["email"] = email;
        }

        claims["roles"] = roles.ToArray();
        claims["scp"] = "access_as_user";
        return Sign(Issuer, Audience, claims);
    }

    /// <summary>
    /// The OpenID Connect ID token for <paramref name="name"/>, issued by the development OpenID provider at
    /// <paramref name="issuer"/> (its URL) to the portal (<paramref name="clientId"/>), echoing the sign-in's nonce.
    /// </summary>
    public string MintIdToken(string name, string issuer, string clientId, string? nonce)
    {
        var claims = PersonClaims(name);
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return Sign(issuer, clientId, claims);
    }

    /// <summary>The public half of the signing key as a JSON Web Key (for the provider's <c>jwks_uri</c>).</summary>
    public DevJsonWebKey PublicJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new DevJsonWebKey("RSA", "sig", SecurityAlgorithms.RsaSha256, SigningKey.KeyId,
            Base64Url.EncodeToString(parameters.Modulus), Base64Url.EncodeToString(parameters.Exponent));
    }

    private static Dictionary<string, object> PersonClaims(string name) => new()
    {
        ["oid"] = ObjectIdFor(name),
        ["sub"] = ObjectIdFor(name),
        ["tid"] = TenantId,
        ["name"] = name,
    };

    private string Sign(string issuer, string audience, Dictionary<string, object> claims)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The stable object id the issuer gives <paramref name="name"/>.</summary>
    public static string ObjectIdFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("casefy-dev-user:" + name));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    public void Dispose() => _rsa.Dispose();
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseFy.Application.Access;
using CaseFy.LocalHost.Identity;

namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>
/// Authorization headers that must never sign anyone in: missing, malformed, forged, expired, for another audience
/// or issuer, signed by another key, <c>alg: none</c>, HMAC-signed with the public key (algorithm confusion), a
/// valid token's payload swapped, and a portal link's token. Built by hand so each flaw is exactly the one named.
/// </summary>
public static class HostileTokens
{
    /// <summary>(attack, Authorization header value or <see langword="null"/>, statuses allowed).</summary>
    public static IEnumerable<(string Attack, string? Header, int[] Expected)> All(DevIssuer issuer, string portalToken, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var devKey = issuer.SigningKey.Rsa!;
        using var otherKey = RSA.Create(2048);
        int[] unauthorized = [401];

        yield return ("no Authorization header", null, unauthorized);
        yield return ("'Bearer' with no token", "Bearer", unauthorized);
        yield return ("garbage bearer", "Bearer not-a-jwt", unauthorized);
        yield return ("three empty segments", "Bearer ..", unauthorized);
        yield return ("Basic credentials", "Basic " + Convert.ToBase64String("admin:admin"u8), unauthorized);
        yield return ("portal link token as bearer", "Bearer " + portalToken, unauthorized);
        yield return ("8 KB bearer", "Bearer " + new string('A', 8 * 1024), unauthorized);

        var admin = Claims(now - 60, now + 3600, DevIssuer.Issuer, DevIssuer.Audience, [CaseFyRoles.Admin]);
        yield return ("signed by another key", Bearer(Rs256(admin, otherKey, kid: null)), unauthorized);
        yield return ("signed by another key with the issuer's kid", Bearer(Rs256(admin, otherKey, issuer.SigningKey.KeyId)), unauthorized);
        yield return ("alg none", Bearer(Unsigned(admin, "none")), unauthorized);
        yield return ("alg None, signature kept", Bearer(Unsigned(admin, "None") + "c2ln"), unauthorized);
        yield return ("HS256 keyed with the issuer's public key", Bearer(Hs256(admin, devKey.ExportSubjectPublicKeyInfo(), issuer.SigningKey.KeyId)), unauthorized);
        yield return ("embedded jwk of the signer's own key", Bearer(Rs256(admin, otherKey, kid: null, embedJwk: true)), unauthorized);

        var kid = issuer.SigningKey.KeyId;
        yield return ("expired an hour ago", Bearer(Rs256(Claims(now - 7200, now - 3600, DevIssuer.Issuer, DevIssuer.Audience, [CaseFyRoles.Admin]), devKey, kid)), unauthorized);
        yield return ("not valid for another hour", Bearer(Rs256(Claims(now + 3600, now + 7200, DevIssuer.Issuer, DevIssuer.Audience, [CaseFyRoles.Admin]), devKey, kid)), unauthorized);
        yield return ("another audience", Bearer(Rs256(Claims(now - 60, now + 3600, DevIssuer.Issuer, "api://someone-else", [CaseFyRoles.Admin]), devKey, kid)), unauthorized);
        yield return ("another issuer", Bearer(Rs256(Claims(now - 60, now + 3600, "https://evil.example/", DevIssuer.Audience, [CaseFyRoles.Admin]), devKey, kid)), unauthorized);

        var viewer = issuer.Mint("Hx Viewer Swapped", [CaseFyRoles.Viewer]).Split('.');
        var swapped = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(admin.ToJsonString()));
        yield return ("a viewer's token with an admin payload", Bearer($"{viewer[0]}.{swapped}.{viewer[2]}"), unauthorized);
        yield return ("a valid token's signature cut off", Bearer($"{viewer[0]}.{viewer[1]}."), unauthorized);

        // Identity.Web refuses a token with neither roles nor scp; the handlers would refuse a roleless one with 403.
        var roleless = Claims(now - 60, now + 3600, DevIssuer.Issuer, DevIssuer.Audience, roles: null);
        yield return ("no roles and no scp", Bearer(Rs256(roleless, devKey, kid)), [401, 403]);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static JsonObject Claims(long notBefore, long expires, string issuer, string audience, string[]? roles)
    {
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = notBefore,
            ["nbf"] = notBefore,
            ["exp"] = expires,
            ["oid"] = DevIssuer.ObjectIdFor("Hx Forger"),
            ["sub"] = DevIssuer.ObjectIdFor("Hx Forger"),
            ["tid"] = DevIssuer.TenantId,
            ["name"] = "Hx Forger",
        };
        if (roles is not null)
        {
            claims["roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]);
            claims["scp"] = "access_as_user";
        }

        return claims;
    }

    private static string Rs256(JsonObject claims, RSA key, string? kid, bool embedJwk = false)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        if (embedJwk)
        {
            var parameters = key.ExportParameters(includePrivateParameters: false);
            header["jwk"] = new JsonObject
            {
                ["kty"] = "RSA",
                ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            };
        }

        var signed = Segments(header, claims);
        return signed + "." + Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string Hs256(JsonObject claims, byte[] secret, string? kid)
    {
        var signed = Segments(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = kid }, claims);
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signed)));
    }

    private static string Unsigned(JsonObject claims, string alg) =>
        Segments(new JsonObject { ["alg"] = alg, ["typ"] = "JWT" }, claims) + ".";

    private static string Segments(JsonObject header, JsonObject claims) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
        + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
}

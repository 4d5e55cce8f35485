using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CaseFy.Application.Portal;

/// <summary>
/// Portal link tokens: base64url of the case id (16 bytes, a routing hint so a token finds its case partition
/// without an index) followed by 32 secret bytes, the HMAC-SHA256 of the case and link ids under the app's own
/// portal-link key (<see cref="PortalTokenMinter"/>): 256 bits no one without that key can compute, which the mailer
/// computes again to put the link in a mail. Only the SHA-256 of the whole token is stored; a token that does not
/// decode, names another case, or matches no active link there is answered exactly like an unknown one.
/// </summary>
public static class PortalTokens
{
    public const int SecretBytes = 32;
    private const int CaseIdBytes = 16;
    public const int Length = 64; // base64url of 48 bytes, no padding

    /// <summary>The token of link <paramref name="linkId"/> of case <paramref name="caseId"/> under <paramref name="key"/>: the same every time.</summary>
    public static string Derive(string caseId, string linkId, ReadOnlySpan<byte> key)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentException.ThrowIfNullOrEmpty(linkId);
        var bytes = new byte[CaseIdBytes + SecretBytes];
        Convert.FromHexString(caseId).CopyTo(bytes, 0);
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{caseId}/{linkId}"), bytes.AsSpan(CaseIdBytes));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The case a well-formed token points at; <see langword="false"/> for anything else.</summary>
    public static bool TryReadCaseId(string? token, out string caseId)
    {
        caseId = string.Empty;
        if (token is not { Length: Length } || !Base64Url.IsValid(token))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length != CaseIdBytes + SecretBytes)
        {
            return false;
        }

        caseId = Convert.ToHexStringLower(bytes.AsSpan(0, CaseIdBytes));
        return true;
    }

    /// <summary>The stored form: lowercase hex SHA-256 of the token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CaseFy.Application.Security;

/// <summary>
/// Continuation tokens a caller cannot read or forge: the store's position sealed with AES-GCM under a server key, the
/// caller and the query as associated data. A token opens only for the same caller asking the same query; anything
/// else (another caller, another filter, a changed byte, a token of another installation) does not open at all.
/// </summary>
public sealed class SealedTokens(ServerKeys keys)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly Lazy<byte[]> _key = new(() => keys.For("casefy list continuation tokens"));

    /// <summary>Seals <paramref name="position"/> for the query described by <paramref name="binding"/>.</summary>
    public string Seal(string position, IEnumerable<string?> binding)
    {
        ArgumentNullException.ThrowIfNull(position);
        var plain = Encoding.UTF8.GetBytes(position);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Associated(binding));
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The position sealed in <paramref name="token"/>, when it was sealed for the same <paramref name="binding"/>.</summary>
    public bool TryOpen(string token, IEnumerable<string?> binding, out string position)
    {
        ArgumentNullException.ThrowIfNull(token);
        position = string.Empty;
        if (!Base64Url.IsValid(token) || Base64Url.DecodeFromChars(token) is not { Length: > NonceBytes + TagBytes } sealedBytes)
        {
            return false;
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(_key.Value, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), plain, Associated(binding));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        position = Encoding.UTF8.GetString(plain);
        return true;
    }

    // Each value length-prefixed, so no two different lists of values give the same bytes.
    private static byte[] Associated(IEnumerable<string?> binding) =>
        Encoding.UTF8.GetBytes(string.Concat(binding.Select(v => v is null ? "-;" : $"{v.Length}:{v};")));
}

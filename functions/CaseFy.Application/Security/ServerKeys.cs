using System.Security.Cryptography;
using System.Text;
using CaseFy.Application.Documents;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Security;

/// <summary>
/// Keys for what CaseFy signs or seals for itself (upload metadata, list continuation tokens), one per purpose,
/// derived with HKDF from <see cref="DocumentOptions.MetadataSigningKey"/>: the app's own key, one value every
/// instance shares, set in every deployment and never sent anywhere. Without one, from a key made at start (one
/// process: enough locally).
/// </summary>
public sealed class ServerKeys(IOptions<DocumentOptions> documents)
{
    private readonly Lazy<byte[]> _root = new(() => documents.Value.MetadataSigningKey is { Length: > 0 } secret
        ? Encoding.UTF8.GetBytes(secret)
        : RandomNumberGenerator.GetBytes(32));

    /// <summary>A 256-bit key for <paramref name="purpose"/>; different purposes never share a key.</summary>
    public byte[] For(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _root.Value, 32, info: Encoding.UTF8.GetBytes(purpose));
}

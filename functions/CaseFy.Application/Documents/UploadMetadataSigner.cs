using System.Security.Cryptography;
using System.Text;
using CaseFy.Application.Security;
using CaseFy.Model;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Documents;

/// <summary>
/// Signs the metadata (file name, uploader) CaseFy asks to be stored with a document blob, so whoever records the
/// blob later (the BlobCreated event, a confirm, another upload) can trust the uploader it names. A direct upload's
/// metadata travels through the client, which could otherwise claim to be anyone (the file name is the client's
/// anyway, so an unsigned one is still shown, sanitised). HMAC-SHA256 over the blob name and the values, keyed
/// from <see cref="ServerKeys"/> (all instances share the key).
/// </summary>
public sealed class UploadMetadataSigner(ServerKeys keys)
{
    private readonly Lazy<byte[]> _key = new(() => keys.For("casefy document upload metadata"));

    /// <summary>The metadata for <paramref name="blobName"/>, uploaded by <paramref name="uploader"/>, with its signature.</summary>
    public Dictionary<string, string> MetadataFor(string blobName, string fileName, Actor uploader)
    {
        var metadata = DocumentBlobMetadata.For(fileName, uploader);
        metadata[DocumentBlobMetadata.Signature] = Sign(
            blobName, metadata[DocumentBlobMetadata.FileName], metadata[DocumentBlobMetadata.UploaderId], metadata[DocumentBlobMetadata.UploaderName]);
        return metadata;
    }

    /// <summary>The uploader named by a blob's metadata, when it carries a valid signature; otherwise <see langword="null"/>.</summary>
    public Actor? VerifiedUploader(string blobName, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        string? Raw(string name) => metadata.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        var (fileName, id, name, signature) =
            (Raw(DocumentBlobMetadata.FileName), Raw(DocumentBlobMetadata.UploaderId), Raw(DocumentBlobMetadata.UploaderName), Raw(DocumentBlobMetadata.Signature));
        if (fileName is null || id is null || name is null || signature is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(blobName, fileName, id, name)), Encoding.ASCII.GetBytes(signature)))
        {
            return null;
        }

        var uploaderId = Uri.UnescapeDataString(id);
        var uploaderName = Uri.UnescapeDataString(name);
        return new Actor(uploaderId, uploaderName is { Length: > 0 and <= 200 } ? uploaderName : uploaderId);
    }

    // Over the stored (percent-encoded) values, separated by a character percent-encoding never leaves in them.
    private string Sign(string blobName, string fileName, string uploaderId, string uploaderName) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"{blobName}\n{fileName}\n{uploaderId}\n{uploaderName}")));
}

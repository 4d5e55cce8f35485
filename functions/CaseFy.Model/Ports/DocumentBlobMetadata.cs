namespace CaseFy.Model.Ports;

/// <summary>
/// The metadata CaseFy keeps with a document blob, so the BlobCreated event of a blob can be recorded with the same
/// file name and uploader as the upload that wrote it. Values are percent-encoded: blob metadata is ASCII only.
/// </summary>
public static class DocumentBlobMetadata
{
    public const string FileName = "filename";
    public const string UploaderId = "uploaderid";
    public const string UploaderName = "uploadername";

    /// <summary>CaseFy's signature over the other values, so a value a client sent along cannot be forged.</summary>
    public const string Signature = "signature";

    /// <summary>The metadata for a file uploaded by <paramref name="uploader"/>.</summary>
    public static Dictionary<string, string> For(string fileName, Actor uploader)
    {
        ArgumentNullException.ThrowIfNull(uploader);
        return new(StringComparer.Ordinal)
        {
            [FileName] = Uri.EscapeDataString(fileName),
            [UploaderId] = Uri.EscapeDataString(uploader.Id),
            [UploaderName] = Uri.EscapeDataString(uploader.Name),
        };
    }

    /// <summary>A value written by <see cref="For"/>, decoded; <see langword="null"/> when absent.</summary>
    public static string? Read(IReadOnlyDictionary<string, string> metadata, string name)
    {
        ArgumentNullException.ThrowIfNull(metadata);

        // Blob Storage may hand names back in another case.
        var value = metadata.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return value is null ? null : Uri.UnescapeDataString(value);
    }
}

namespace CaseFy.Model.Ports;

/// <summary>
/// Where the files of case documents live, one blob per version, named by <see cref="Cases.DocumentRules.BlobName"/>.
/// Blobs are written once and never overwritten: a version's bytes cannot change after it is recorded.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Writes a new blob from <paramref name="content"/>, read to its end. Nothing is stored when reading the stream
    /// fails (the exception propagates), so a refused upload leaves no blob.
    /// </summary>
    /// <param name="blobName">The blob name (never from the client).</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="contentType">The media type to store and serve it with.</param>
    /// <param name="metadata">ASCII names and values kept with the blob (see <see cref="DocumentBlobMetadata"/>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when a blob with this name exists already (nothing written).</returns>
    Task<bool> CreateAsync(
        string blobName, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Opens a blob for a streamed read, or <see langword="null"/> when there is none.</summary>
    Task<DocumentBlob?> OpenReadAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>A blob's properties and metadata, or <see langword="null"/> when there is none.</summary>
    Task<DocumentBlobInfo?> GetInfoAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>
    /// A read-only URL for this one blob that stops working at <paramref name="expiresOn"/>, served as an attachment
    /// named <paramref name="downloadName"/>; <see langword="null"/> when this store cannot sign URLs.
    /// </summary>
    Task<Uri?> GetReadUrlAsync(
        string blobName, string downloadName, string contentType, DateTimeOffset expiresOn, CancellationToken cancellationToken);

    /// <summary>
    /// A URL that allows exactly one thing until <paramref name="expiresOn"/>: creating this one blob, when it does not
    /// exist yet (no read, no overwrite, no other name); <see langword="null"/> when this store cannot sign URLs.
    /// </summary>
    Task<Uri?> GetCreateUrlAsync(string blobName, DateTimeOffset expiresOn, CancellationToken cancellationToken);

    /// <summary>The origin (scheme, host, port) clients send files to with <see cref="GetCreateUrlAsync"/>'s URLs.</summary>
    Uri ServiceOrigin { get; }

    /// <summary>The blob container the documents live in (what BlobCreated events name).</summary>
    string ContainerName { get; }

    /// <summary>Deletes a blob; nothing happens when there is none.</summary>
    Task DeleteAsync(string blobName, CancellationToken cancellationToken);
}

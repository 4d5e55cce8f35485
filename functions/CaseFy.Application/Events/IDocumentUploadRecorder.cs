namespace CaseFy.Application.Events;

/// <summary>
/// Records a file that reached Blob Storage as a version of a case document, checks it against the template's limits
/// (removing the blob when it breaks them) and signals the case's orchestration. The one recording path that the
/// BlobCreated webhook and the direct-upload confirmation both use; recording the same blob twice changes nothing.
/// </summary>
public interface IDocumentUploadRecorder
{
    /// <summary>Whether recording is available in this build (the documents feature provides the implementation).</summary>
    bool IsAvailable { get; }

    /// <summary>Records the upload.</summary>
    Task<DocumentUploadOutcome> RecordAsync(BlobCreatedNotice upload, CancellationToken cancellationToken);
}

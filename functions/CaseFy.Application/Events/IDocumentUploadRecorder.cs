using CaseFy.Application.Engine;

namespace CaseFy.Application.Events;

/// <summary>
/// Records a file that reached Blob Storage as a version of a case document, checks it against the template's limits
/// (removing the blob when it breaks them) and signals the case's orchestration. The one recording path that the
/// BlobCreated webhook and the upload routes both use; recording the same blob twice changes nothing.
/// </summary>
public interface IDocumentUploadRecorder
{
    /// <summary>Records the upload and tells the case's orchestration to look again (through <paramref name="engine"/>).</summary>
    Task<DocumentUploadOutcome> RecordAsync(BlobCreatedNotice upload, ICaseEngine engine, CancellationToken cancellationToken);
}

using CaseFy.Application.Engine;
using CaseFy.Model;

namespace CaseFy.Application.Events;

/// <summary>
/// Records a file that reached Blob Storage as a version of a case document, checks it against the template's limits
/// (removing the blob when it breaks them) and signals the case's orchestration. The one recording path that the
/// BlobCreated webhook and the upload routes both use; recording the same blob twice changes nothing.
/// </summary>
public interface IDocumentUploadRecorder
{
    /// <summary>Records the upload and tells the case's orchestration to look again (through <paramref name="engine"/>).</summary>
    /// <param name="upload">The blob.</param>
    /// <param name="confirmedBy">Who confirms the upload (a signed-in person or a portal link), when it comes through a
    /// confirm route: the uploader when the blob's metadata names no uploader the server signed.</param>
    /// <param name="engine">Told to look at the case.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    Task<DocumentUploadOutcome> RecordAsync(BlobCreatedNotice upload, Actor? confirmedBy, ICaseEngine engine, CancellationToken cancellationToken);
}

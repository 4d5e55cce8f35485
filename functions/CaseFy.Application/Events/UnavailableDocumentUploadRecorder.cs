namespace CaseFy.Application.Events;

/// <summary>Stands in until the documents feature registers its recorder: every upload is reported as not recordable.</summary>
public sealed class UnavailableDocumentUploadRecorder : IDocumentUploadRecorder
{
    public bool IsAvailable => false;

    public Task<DocumentUploadOutcome> RecordAsync(BlobCreatedNotice upload, CancellationToken cancellationToken) =>
        Task.FromResult(DocumentUploadOutcome.Unavailable);
}

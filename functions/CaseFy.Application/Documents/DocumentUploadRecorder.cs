using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Application.Events;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Documents;

/// <summary>
/// Records a blob that reached the documents container (a <c>BlobCreated</c> event, or an upload that found its blob
/// written before) as a document version, through <see cref="DocumentRules.RecordUpload"/>: a blob already recorded
/// changes nothing, so the upload route and the event for its blob record it once.
/// </summary>
public sealed class DocumentUploadRecorder(
    CaseService cases, ITemplateStore templates, IDocumentStore documents, UploadMetadataSigner signer, IOptions<DocumentOptions> options)
    : IDocumentUploadRecorder
{
    public async Task<DocumentUploadOutcome> RecordAsync(
        BlobCreatedNotice upload, Actor? confirmedBy, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var current = await cases.Store.GetAsync(upload.CaseId, cancellationToken);
        if (current is null || upload.BlobName != DocumentRules.BlobName(upload.CaseId, upload.DocumentKey, upload.Version))
        {
            return DocumentUploadOutcome.NotAccepted;
        }

        if (current.Documents.Any(d => d.Key == upload.DocumentKey && d.Versions.Any(v => v.BlobName == upload.BlobName)))
        {
            return DocumentUploadOutcome.AlreadyRecorded;
        }

        // The event may be old or forged: what counts is the blob as it is stored now.
        var info = await documents.GetInfoAsync(upload.BlobName, cancellationToken);
        if (info is null)
        {
            return DocumentUploadOutcome.Missing;
        }

        var template = await templates.GetAsync(current.TemplateId, current.TemplateVersion, cancellationToken);
        if (template is null)
        {
            return DocumentUploadOutcome.NotAccepted;
        }

        var (contentTypes, maxBytes) = DocumentRules.LimitsOf(template, upload.DocumentKey, options.Value.AdHocMaxBytes);
        var contentType = DocumentContentTypes.Normalize(info.ContentType);
        var broken = contentType is null || !DocumentContentTypes.Allows(contentTypes, contentType) ? DocumentUploadOutcome.WrongType
            : info.Size is <= 0 || info.Size > maxBytes ? DocumentUploadOutcome.WrongSize
            : (DocumentUploadOutcome?)null;
        if (broken is not null)
        {
            // CancellationToken.None: a caller that gave up must not leave a blob that breaks the limits behind.
            await documents.DeleteAsync(upload.BlobName, CancellationToken.None);
            return broken.Value;
        }

        // Only signed metadata names the uploader (a direct upload's metadata came through the client); without it the
        // person confirming is the uploader, and an unconfirmed blob waits for its confirm.
        if ((signer.VerifiedUploader(upload.BlobName, info.Metadata) ?? confirmedBy) is not { } uploader)
        {
            return DocumentUploadOutcome.Unverified;
        }

        var fileName = FileNames.Sanitize(DocumentBlobMetadata.Read(info.Metadata, DocumentBlobMetadata.FileName) ?? $"{upload.DocumentKey}-{upload.Version}");
        var file = new UploadedFile(upload.DocumentKey, upload.BlobName, fileName, contentType!, info.Size);
        try
        {
            var updated = await cases.ActAsync(
                upload.CaseId, "document-uploaded", (c, t, now) => DocumentRules.RecordUpload(c, t, file, uploader, now), engine, read: null, cancellationToken);
            return updated is null ? DocumentUploadOutcome.NotAccepted : DocumentUploadOutcome.Recorded;
        }
        catch (CaseRuleException)
        {
            return DocumentUploadOutcome.NotAccepted;
        }
    }
}

using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Application.Events;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Documents;

/// <summary>
/// Uploads of document versions, through the API (<see cref="UploadAsync"/>) or straight to Blob Storage
/// (<see cref="IssueAsync"/>, then <see cref="ConfirmAsync"/>). Blob names come from <see cref="DocumentRules.BlobName"/>,
/// never from the client. A file is written first and then recorded through the ETag-checked case update; when the
/// record does not happen the blob is deleted again, so only a recorded upload leaves a blob behind. A direct upload is
/// recorded by <see cref="IDocumentUploadRecorder"/>, the path its BlobCreated event takes too, so a confirm and an
/// event (in any order, any number of times) record the blob once.
/// </summary>
public sealed class DocumentUploadService(
    ITemplateStore templates,
    ICaseStore store,
    IDocumentStore documents,
    IDocumentUploadRecorder recorder,
    UploadMetadataSigner signer,
    CaseService cases,
    IOptions<DocumentOptions> options,
    TimeProvider time)
{
    // A version's blob found written but not recorded is recorded first, then the next number is tried.
    private const int MaxVersionAttempts = 3;

    /// <summary>What an ad-hoc document (one the template does not list) takes.</summary>
    public DocumentLimits AdHocLimits => new(null, options.Value.AdHocMaxBytes);

    /// <summary>What document <paramref name="key"/> takes on the case's template version; <see langword="null"/> when that version is gone.</summary>
    public async Task<DocumentLimits?> LimitsAsync(CaseRecord current, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var template = await templates.GetAsync(current.TemplateId, current.TemplateVersion, cancellationToken);
        if (template is null)
        {
            return null;
        }

        var (contentTypes, maxBytes) = DocumentRules.LimitsOf(template, key, options.Value.AdHocMaxBytes);
        return new DocumentLimits(contentTypes, maxBytes);
    }

    /// <summary>
    /// Stores <paramref name="file"/> as the next version of document <paramref name="key"/> and records it: as a
    /// version (<see cref="DocumentRules.RecordUpload"/>), or through <paramref name="record"/>, which records it with
    /// whatever else belongs to the same change (a message that carries it).
    /// </summary>
    /// <exception cref="FileTooLargeException">The file outgrew <paramref name="maxBytes"/> (nothing is kept).</exception>
    /// <exception cref="CaseRuleException">The case refused the record (the blob is deleted).</exception>
    public async Task<FileUploadResult> UploadAsync(
        CaseRecord current,
        string key,
        IncomingFile file,
        long maxBytes,
        Actor actor,
        ICaseEngine engine,
        Func<CaseRecord, CaseTemplate, UploadedFile, DateTimeOffset, CaseChange?>? record,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(file);
        var version = DocumentRules.NextVersion(current, key);
        var name = DocumentRules.BlobName(current.Id, key, version);
        var counted = new SizeLimitedStream(file.Content, maxBytes);
        if (!await documents.CreateAsync(name, counted, file.ContentType, signer.MetadataFor(name, file.FileName, actor), cancellationToken))
        {
            // Written by a racing upload, or by an earlier attempt that stopped before its record: record it the way
            // its BlobCreated event would (nothing happens when it is recorded already).
            await recorder.RecordAsync(new BlobCreatedNotice(current.Id, key, version, name, file.ContentType, 0), confirmedBy: null, engine, cancellationToken);
            return new FileUploadResult(FileUploadStatus.Raced);
        }

        var unrecorded = name;
        try
        {
            if (counted.BytesRead == 0)
            {
                return new FileUploadResult(FileUploadStatus.Empty);
            }

            if (!await file.IsOnlyFileAsync(cancellationToken))
            {
                return new FileUploadResult(FileUploadStatus.NotOnlyFile);
            }

            var uploaded = new UploadedFile(key, name, file.FileName, file.ContentType, counted.BytesRead);
            record ??= (c, t, f, now) => DocumentRules.RecordUpload(c, t, f, actor, now);
            var updated = await cases.ActAsync(current.Id, "document-uploaded", (c, t, now) => record(c, t, uploaded, now), engine, read: null, cancellationToken);
            if (updated is null)
            {
                return new FileUploadResult(FileUploadStatus.CaseGone);
            }

            unrecorded = null;
            return new FileUploadResult(FileUploadStatus.Recorded, updated);
        }
        finally
        {
            if (unrecorded is not null)
            {
                // Refused after the write: take the blob away again (CancellationToken.None: the client may be gone).
                await documents.DeleteAsync(unrecorded, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// A create-only upload URL, with the headers to send, for the next version of document <paramref name="key"/>;
    /// <see langword="null"/> when Blob Storage cannot sign one now.
    /// </summary>
    /// <param name="current">The case as read by the access check.</param>
    /// <param name="key">The document key.</param>
    /// <param name="file">The announced file: its sanitised name and allowed, normalised media type.</param>
    /// <param name="maxBytes">The document's largest file.</param>
    /// <param name="actor">Who uploads: kept, signed, with the blob.</param>
    /// <param name="confirmPath">The confirm route for a version number.</param>
    /// <param name="engine">Told to look at the case when an earlier, unrecorded blob is recorded on the way.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    /// <exception cref="CaseRuleException">The document has no room for another version, or uploads keep racing.</exception>
    public async Task<DirectUploadTicket?> IssueAsync(
        CaseRecord current, string key, (string FileName, string ContentType) file, long maxBytes, Actor actor, Func<int, string> confirmPath,
        ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(confirmPath);
        for (var attempt = 0; attempt < MaxVersionAttempts; attempt++)
        {
            DocumentRules.RequireRoomFor(current, key);
            var version = DocumentRules.NextVersion(current, key);
            var blobName = DocumentRules.BlobName(current.Id, key, version);
            if (await documents.GetInfoAsync(blobName, cancellationToken) is not null)
            {
                // Uploaded with an earlier URL and never confirmed (locally no event comes): record it as its event
                // would, so the next number is free, and try again with the case as it is now. A blob that names no
                // signed uploader was never vouched for by anyone: it is removed and its number offered again.
                var outcome = await recorder.RecordAsync(
                    new BlobCreatedNotice(current.Id, key, version, blobName, string.Empty, 0), confirmedBy: null, engine, cancellationToken);
                if (outcome == DocumentUploadOutcome.Unverified)
                {
                    await documents.DeleteAsync(blobName, CancellationToken.None);
                }

                current = await store.GetAsync(current.Id, cancellationToken) ?? current;
                continue;
            }

            var expiresAt = time.GetUtcNow() + options.Value.UploadLinkLifetime;
            var url = await documents.GetCreateUrlAsync(blobName, expiresAt, cancellationToken);
            if (url is null)
            {
                return null;
            }

            var headers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["x-ms-blob-type"] = "BlockBlob",
                ["Content-Type"] = file.ContentType,
            };
            foreach (var (name, value) in signer.MetadataFor(blobName, file.FileName, actor))
            {
                headers["x-ms-meta-" + name] = value;
            }

            return new DirectUploadTicket(url, "PUT", version, expiresAt, headers, maxBytes, confirmPath(version));
        }

        throw new CaseRuleException($"Other uploads of document '{key}' keep happening at the same time: try again.");
    }

    /// <summary>
    /// Records the blob uploaded for <paramref name="version"/> of document <paramref name="key"/>;
    /// <paramref name="confirmedBy"/> (the caller confirming) is the uploader unless the blob carries a signed one.
    /// </summary>
    /// <returns>How the record went, and the case as it is afterwards when it holds the version.</returns>
    public async Task<(DocumentUploadOutcome Outcome, CaseRecord? Case)> ConfirmAsync(
        CaseRecord current, string key, int version, Actor confirmedBy, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var outcome = await recorder.RecordAsync(
            new BlobCreatedNotice(current.Id, key, version, DocumentRules.BlobName(current.Id, key, version), string.Empty, 0),
            confirmedBy,
            engine,
            cancellationToken);
        return outcome is DocumentUploadOutcome.Recorded or DocumentUploadOutcome.AlreadyRecorded
            ? (outcome, await store.GetAsync(current.Id, cancellationToken))
            : (outcome, null);
    }
}

using System.Globalization;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>Case documents: requested by a stage or an automation, uploaded in versions, accepted or rejected (then requested again).</summary>
public static class DocumentRules
{
    /// <summary>The limits of a document of a case: the template's for its documents, the defaults for ad-hoc ones.</summary>
    public static (IReadOnlyList<string>? ContentTypes, long MaxBytes) LimitsOf(CaseTemplate template, string key, long adHocMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(template);
        var defined = FindDefinition(template, key);
        return defined is null ? (null, adHocMaxBytes) : (defined.ContentTypes, defined.MaxBytes);
    }

    public static DocumentRequirement? FindDefinition(CaseTemplate template, string key)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Stages.SelectMany(s => s.Documents).FirstOrDefault(d => d.Key == key);
    }

    /// <summary>The version number the next upload of a document gets.</summary>
    public static int NextVersion(CaseRecord current, string key)
    {
        ArgumentNullException.ThrowIfNull(current);
        return (current.Documents.FirstOrDefault(d => d.Key == key)?.Versions.Count ?? 0) + 1;
    }

    /// <summary>The blob a version is stored in: never derived from anything the client sent but the (validated) key.</summary>
    public static string BlobName(string caseId, string key, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{caseId}/{key}/{version}");

    /// <summary>Checks that the case can take the next version of document <paramref name="key"/>.</summary>
    /// <exception cref="CaseRuleException">The case is closed, or has as many documents or versions as it may.</exception>
    public static void RequireRoomFor(CaseRecord current, string key)
    {
        ArgumentNullException.ThrowIfNull(current);
        TaskRules.RequireNotClosed(current);
        if (current.Documents.All(d => d.Key != key) && current.Documents.Count >= CaseLimits.MaxDocuments)
        {
            throw new CaseRuleException($"A case has at most {CaseLimits.MaxDocuments} documents.");
        }

        if (NextVersion(current, key) > CaseLimits.MaxVersionsPerDocument)
        {
            throw new CaseRuleException($"A document has at most {CaseLimits.MaxVersionsPerDocument} versions.");
        }
    }

    /// <summary>
    /// Records an uploaded file as the next version of a document (created ad hoc when the template does not define it).
    /// Nothing to do when this blob is recorded already, so the upload API and the BlobCreated event may both call it.
    /// </summary>
    /// <exception cref="CaseRuleException">The case is closed, or another upload took this version number.</exception>
    public static CaseChange? RecordUpload(CaseRecord current, CaseTemplate template, UploadedFile file, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(file);
        TaskRules.RequireNotClosed(current);
        var existing = current.Documents.FirstOrDefault(d => d.Key == file.Key);
        if (existing?.Versions.Any(v => v.BlobName == file.BlobName) == true)
        {
            return null;
        }

        var version = (existing?.Versions.Count ?? 0) + 1;
        if (file.BlobName != BlobName(current.Id, file.Key, version))
        {
            throw new CaseRuleException($"Another upload of document '{file.Key}' happened at the same time: upload again.");
        }

        RequireRoomFor(current, file.Key);
        if (existing?.Status == DocumentStatus.Accepted)
        {
            CaseLifecycle.RequireNotLeaving(current);
        }

        var definition = FindDefinition(template, file.Key);
        var document = existing ?? new CaseDocument
        {
            Key = file.Key,
            Name = definition?.Name ?? file.FileName,
            Provider = definition?.Provider ?? DocumentProvider.Internal,
            FromTemplate = definition is not null,
            Status = DocumentStatus.Requested,
        };
        var uploaded = document with
        {
            Status = DocumentStatus.Uploaded,
            RejectionReason = null,
            Versions = [.. document.Versions, new DocumentVersion(version, file.BlobName, file.FileName, file.ContentType, file.Size, now, actor)],
        };
        return new TimelineWriter(current, now)
            .Update(c => Replace(c, uploaded))
            .Append(TimelineEntryTypes.DocumentUploaded, actor, new()
            {
                ["documentId"] = file.Key,
                ["version"] = version.ToString(CultureInfo.InvariantCulture),
                ["fileName"] = file.FileName,
                ["contentType"] = file.ContentType,
                ["size"] = file.Size.ToString(CultureInfo.InvariantCulture),
            })
            .ToChange();
    }

    /// <summary>Accepts the latest version of an uploaded document.</summary>
    public static CaseChange Accept(CaseRecord current, string key, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        TaskRules.RequireNotClosed(current);
        var document = Find(current, key);
        if (document.Status != DocumentStatus.Uploaded)
        {
            throw new CaseRuleException(document.Status == DocumentStatus.Accepted
                ? $"Document '{key}' is accepted already."
                : $"Document '{key}' has no upload to accept.");
        }

        return new TimelineWriter(current, now)
            .Update(c => Replace(c, document with { Status = DocumentStatus.Accepted }))
            .Append(TimelineEntryTypes.DocumentAccepted, actor, new()
            {
                ["documentId"] = key,
                ["version"] = document.Versions.Count.ToString(CultureInfo.InvariantCulture),
            })
            .ToChange();
    }

    /// <summary>Rejects the latest version with a reason; the document is requested again.</summary>
    public static CaseChange Reject(CaseRecord current, string key, string reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        TaskRules.RequireNotClosed(current);
        var document = Find(current, key);
        if (document.Versions.Count == 0 || document.Status == DocumentStatus.Requested)
        {
            throw new CaseRuleException($"Document '{key}' has no upload to reject.");
        }

        CaseLifecycle.RequireNotLeaving(current);

        var reasonText = reason.Trim();
        return new TimelineWriter(current, now)
            .Update(c => Replace(c, document with { Status = DocumentStatus.Requested, RejectionReason = reasonText }))
            .Append(TimelineEntryTypes.DocumentRejected, actor, new()
            {
                ["documentId"] = key,
                ["version"] = document.Versions.Count.ToString(CultureInfo.InvariantCulture),
                ["reason"] = reasonText,
            })
            .Append(TimelineEntryTypes.DocumentRequested, actor, new()
            {
                ["documentId"] = key,
                ["name"] = document.Name,
                ["provider"] = ProviderName(document.Provider),
                ["again"] = "true",
            })
            .ToChange();
    }

    /// <summary>Requests a template document unless the case has it (requested, uploaded or accepted) already.</summary>
    internal static bool Request(TimelineWriter writer, DocumentRequirement definition, Actor actor)
    {
        if (writer.Case.Documents.Any(d => d.Key == definition.Key))
        {
            return false;
        }

        var document = new CaseDocument
        {
            Key = definition.Key,
            Name = definition.Name,
            Provider = definition.Provider,
            FromTemplate = true,
            Status = DocumentStatus.Requested,
        };
        writer.Update(c => c with { Documents = [.. c.Documents, document] })
            .Append(TimelineEntryTypes.DocumentRequested, actor, new()
            {
                ["documentId"] = definition.Key,
                ["name"] = definition.Name,
                ["provider"] = ProviderName(definition.Provider),
            });
        return true;
    }

    private static string ProviderName(DocumentProvider provider) => provider == DocumentProvider.External ? "external" : "internal";

    private static CaseDocument Find(CaseRecord current, string key) =>
        current.Documents.FirstOrDefault(d => d.Key == key) ?? throw new CaseItemMissingException("document");

    private static CaseRecord Replace(CaseRecord current, CaseDocument document) =>
        current with
        {
            Documents = current.Documents.Any(d => d.Key == document.Key)
                ? [.. current.Documents.Select(d => d.Key == document.Key ? document : d)]
                : [.. current.Documents, document],
        };
}

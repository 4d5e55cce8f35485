namespace CaseFy.Application.Events;

/// <summary>A document file written straight to Blob Storage, as a <c>Microsoft.Storage.BlobCreated</c> event reported it.</summary>
/// <param name="CaseId">From the blob name <c>{caseId}/{documentKey}/{version}</c>.</param>
/// <param name="DocumentKey">The document's key.</param>
/// <param name="Version">The version number the upload URL was issued for.</param>
/// <param name="BlobName">The whole blob name (the de-duplication key: one blob, one recorded version).</param>
/// <param name="ContentType">The content type the uploader set.</param>
/// <param name="Size">Bytes, as Blob Storage counted them.</param>
public sealed record BlobCreatedNotice(string CaseId, string DocumentKey, int Version, string BlobName, string ContentType, long Size);

namespace CaseFy.Model.Cases;

/// <summary>One uploaded file of a case document.</summary>
/// <param name="Version">1, 2, 3… per document.</param>
/// <param name="BlobName"><c>{caseId}/{documentId}/{version}</c>: never derived from the client's file name.</param>
/// <param name="FileName">The client's file name, sanitised, kept for display and download only.</param>
/// <param name="ContentType">The media type it was uploaded as.</param>
/// <param name="Size">Bytes.</param>
/// <param name="UploadedAt">When.</param>
/// <param name="UploadedBy">Who.</param>
public sealed record DocumentVersion(
    int Version, string BlobName, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, Actor UploadedBy);

namespace CaseFy.Model.Cases;

/// <summary>A file already written to blob storage, to be recorded as a document version.</summary>
/// <param name="Key">The document key.</param>
/// <param name="BlobName">Where it was written (<see cref="DocumentRules.BlobName"/>).</param>
/// <param name="FileName">The sanitised original file name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Size">Bytes.</param>
public sealed record UploadedFile(string Key, string BlobName, string FileName, string ContentType, long Size);

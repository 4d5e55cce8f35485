namespace CaseFy.Application.Documents;

/// <summary>A file as a request delivers it, read once while it is stored.</summary>
/// <param name="Content">The bytes, not yet read.</param>
/// <param name="ContentType">Its media type, normalised and allowed by the document.</param>
/// <param name="FileName">The client's file name, sanitised (kept as metadata only).</param>
/// <param name="IsOnlyFileAsync">Whether the request carries no further file (asked after the bytes are read).</param>
public sealed record IncomingFile(Stream Content, string ContentType, string FileName, Func<CancellationToken, Task<bool>> IsOnlyFileAsync);

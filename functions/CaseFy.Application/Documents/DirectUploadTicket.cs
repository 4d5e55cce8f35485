namespace CaseFy.Application.Documents;

/// <summary>
/// How to upload one document version straight to Blob Storage: PUT the file to <paramref name="UploadUrl"/> with
/// exactly <paramref name="Headers"/> before <paramref name="ExpiresAt"/>, then POST <paramref name="ConfirmUrl"/>.
/// </summary>
/// <param name="UploadUrl">A create-only URL for the version's one blob: no read, no overwrite, no other name.</param>
/// <param name="Method">Always <c>PUT</c> (one Put Blob request with the whole file).</param>
/// <param name="Version">The version number the file becomes.</param>
/// <param name="ExpiresAt">When <paramref name="UploadUrl"/> stops working.</param>
/// <param name="Headers">The request headers to send: the blob type, the content type, CaseFy's signed metadata.</param>
/// <param name="MaxBytes">The largest file the document takes (checked again when the upload is recorded).</param>
/// <param name="ConfirmUrl">The API path that records the uploaded file (no body).</param>
public sealed record DirectUploadTicket(
    Uri UploadUrl, string Method, int Version, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> Headers, long MaxBytes, string ConfirmUrl);

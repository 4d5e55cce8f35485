namespace CaseFy.Application.Portal;

/// <summary>A document asked of the external party, with the limits their upload must keep and what they sent for it.</summary>
/// <param name="Key">The key to upload to (<c>POST /api/portal/{token}/documents/{key}</c>).</param>
/// <param name="Name">What is asked for.</param>
/// <param name="Status">requested (again, after a rejection) or uploaded (waiting for review).</param>
/// <param name="ContentTypes">The media types it may have; <see langword="null"/> for any.</param>
/// <param name="MaxBytes">The largest file it may be.</param>
/// <param name="Uploads">What this party sent for it (file name and time only).</param>
public sealed record PortalDocumentRequest(
    string Key, string Name, string Status, IReadOnlyList<string>? ContentTypes, long MaxBytes, IReadOnlyList<PortalUpload> Uploads);

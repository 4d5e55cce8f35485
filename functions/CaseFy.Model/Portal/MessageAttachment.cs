namespace CaseFy.Model.Portal;

/// <summary>The document version a message carries (see <see cref="PortalMessages.AttachmentKey"/>).</summary>
/// <param name="DocumentKey">The conversation's document, <c>msg-{linkId}</c>.</param>
/// <param name="Version">The version of it that is this attachment.</param>
/// <param name="FileName">The sanitised file name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record MessageAttachment(string DocumentKey, int Version, string FileName, string ContentType, long Size);

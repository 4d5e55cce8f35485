namespace CaseFy.Model.Ports;

/// <summary>A stored document file opened for reading; the caller disposes <see cref="Content"/>.</summary>
/// <param name="Content">The bytes, streamed.</param>
/// <param name="ContentType">The media type it was stored with.</param>
/// <param name="Size">Bytes.</param>
public sealed record DocumentBlob(Stream Content, string ContentType, long Size);

namespace CaseFy.Model.Ports;

/// <summary>A stored document file's properties.</summary>
/// <param name="ContentType">The media type it was stored with.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Metadata">What the writer kept with it (<see cref="DocumentBlobMetadata"/>).</param>
public sealed record DocumentBlobInfo(string ContentType, long Size, IReadOnlyDictionary<string, string> Metadata);

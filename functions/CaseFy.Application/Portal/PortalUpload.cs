namespace CaseFy.Application.Portal;

/// <summary>A file the external party uploaded, as their page lists it.</summary>
public sealed record PortalUpload(string FileName, DateTimeOffset At);

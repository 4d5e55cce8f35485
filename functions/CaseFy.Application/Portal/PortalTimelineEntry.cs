namespace CaseFy.Application.Portal;

/// <summary>A public timeline entry: what happened and when, nothing more.</summary>
public sealed record PortalTimelineEntry(string Type, DateTimeOffset At, string? StageName);

namespace CaseFy.Application.Portal;

/// <summary>A public timeline entry: what happened and when, nothing more.</summary>
public sealed record PortalTimelineEntry(string Type, DateTimeOffset At, string? StageName)
{
    /// <summary>For a message of the link's conversation: which way it went (<c>toExternal</c>, <c>fromExternal</c>).</summary>
    public string? Direction { get; init; }
}

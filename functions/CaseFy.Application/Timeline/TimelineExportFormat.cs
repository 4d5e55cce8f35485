namespace CaseFy.Application.Timeline;

/// <summary>The formats a timeline exports to.</summary>
public enum TimelineExportFormat
{
    /// <summary>A JSON array of the timeline entries exactly as the API returns them.</summary>
    Json,

    /// <summary>RFC 4180 CSV with a header row; one row per entry.</summary>
    Csv,
}

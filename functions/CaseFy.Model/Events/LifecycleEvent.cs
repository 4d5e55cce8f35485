namespace CaseFy.Model.Events;

/// <summary>
/// A lifecycle event in CloudEvents 1.0 terms, as published to Event Grid and served by the events feed.
/// </summary>
/// <param name="Id">The timeline entry's id (<c>{caseId}-{seq}</c>): consumers de-duplicate on it.</param>
/// <param name="Source"><c>/casefy/cases/{caseId}</c>.</param>
/// <param name="Type"><c>casefy.case.{entryType}</c> with the entry type's first letter in lower case.</param>
/// <param name="Subject">The stage key the case was in.</param>
/// <param name="Time">When the entry was recorded.</param>
/// <param name="Data">The entry's public payload.</param>
public sealed record LifecycleEvent(
    string Id,
    string Source,
    string Type,
    string Subject,
    DateTimeOffset Time,
    LifecycleEventData Data)
{
    /// <summary>The CloudEvents spec version of every event.</summary>
    public string SpecVersion { get; init; } = "1.0";

    /// <summary>The media type of <see cref="Data"/>.</summary>
    public string DataContentType { get; init; } = "application/json";
}

namespace CaseFy.Telemetry;

/// <summary>Attribute names CaseFy puts on its spans.</summary>
public static class CaseFyTags
{
    /// <summary>The case a span concerns: search one case's whole story across traces with it.</summary>
    public const string CaseId = "casefy.case_id";

    /// <summary>Why the engine was signalled (the user action that was stored first).</summary>
    public const string Signal = "casefy.signal";

    /// <summary>
    /// Whether a signal looked the orchestration instance up first (<see langword="false"/> when the stored case proved
    /// its orchestration runs).
    /// </summary>
    public const string InstanceLookup = "casefy.signal.instance_lookup";

    /// <summary>The remedy a repair chose: <c>Signal</c>, <c>Replace</c> or <c>Start</c>.</summary>
    public const string Remedy = "casefy.repair.remedy";

    /// <summary>How many lifecycle events a publication carried.</summary>
    public const string EventCount = "casefy.event_count";
}

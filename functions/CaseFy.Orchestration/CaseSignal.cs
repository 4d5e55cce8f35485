namespace CaseFy.Orchestration;

/// <summary>
/// The external event the API raises after it recorded a user action. It only says "go and look": the
/// orchestrator re-reads the stored facts, so a duplicate is harmless and a lost one is caught at the next read.
/// </summary>
/// <param name="Action">What was recorded (for diagnostics only).</param>
public sealed record CaseSignal(string Action)
{
    public const string EventName = "CaseSignal";
}

namespace CaseFy.Orchestration;

/// <summary>
/// The external event the API raises after it recorded a user action. It only says "go and look": the
/// orchestrator re-reads the stored facts, so a duplicate is harmless and a lost one is caught at the next read.
/// </summary>
/// <param name="Action">What was recorded (for diagnostics only).</param>
/// <param name="Visit">The stage visit the stored case is in after the action (0: not said, as in a repair or in signals
/// recorded before there was this field). A generation of an earlier visit knows from it that its stage is over and
/// continues as new without reading the case: visits only ever grow.</param>
public sealed record CaseSignal(string Action, int Visit = 0)
{
    public const string EventName = "CaseSignal";
}

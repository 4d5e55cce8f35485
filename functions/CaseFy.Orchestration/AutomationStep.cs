namespace CaseFy.Orchestration;

/// <summary>One attempt at one automation run of a stage visit.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="StageIndex">The stage whose automation it is.</param>
/// <param name="Visit">The stage visit; the run is skipped once the case has left it.</param>
/// <param name="Phase"><c>enter</c>, <c>exit</c> or <c>breach</c>.</param>
/// <param name="Index">Position in the stage's on-enter or on-exit list.</param>
/// <param name="Attempt">1 for the first try; webhooks are retried with back-off by the orchestrator.</param>
public sealed record AutomationStep(string CaseId, int StageIndex, int Visit, string Phase, int Index, int Attempt);

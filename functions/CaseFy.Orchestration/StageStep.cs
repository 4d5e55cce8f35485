namespace CaseFy.Orchestration;

/// <summary>Identifies the stage visit an activity acts on, so that a late retry for a stage already left does nothing.</summary>
public sealed record StageStep(string CaseId, int StageIndex, int Visit);

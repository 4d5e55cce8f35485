namespace CaseFy.Orchestration;

/// <summary>The input of one generation of a case's orchestration; a new generation starts at each stage.</summary>
/// <param name="CaseId">The case (also the instance id).</param>
/// <param name="Generation">How many times the orchestration continued as new; 0 at the start.</param>
public sealed record CaseOrchestrationInput(string CaseId, int Generation);

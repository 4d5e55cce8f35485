namespace CaseFy.Model.Cases;

/// <summary>The open cases of one template in one stage, as a board shows them.</summary>
/// <param name="Count">How many open cases of the template are in the stage.</param>
/// <param name="Newest">The newest of them (by creation), newest first, at most the number asked for.</param>
public sealed record OpenCasesInStage(int Count, IReadOnlyList<CaseRecord> Newest);

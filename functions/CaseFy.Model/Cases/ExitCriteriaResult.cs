using CaseFy.Model.Templates;

namespace CaseFy.Model.Cases;

/// <summary>Whether a stage may be left, what is missing, and where the case would go.</summary>
/// <param name="Met">Everything the stage asks for is there.</param>
/// <param name="Missing">What is not: <c>decision</c>, <c>document:{key}</c>, <c>task:{id}</c>, <c>field:{key}</c>, <c>stage:entering</c>.</param>
/// <param name="Route">Where leaving takes the case: the decision's outcome, or the next stage.</param>
public sealed record ExitCriteriaResult(bool Met, IReadOnlyList<string> Missing, StageRoute Route);

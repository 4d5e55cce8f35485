namespace CaseFy.Model.Templates;

/// <summary>A route taken when a field condition holds.</summary>
/// <param name="When">The condition on the case's data.</param>
/// <param name="Outcome">Where the case goes then (<see cref="StageRoute"/>: <c>next</c>, <c>goToStage:{key}</c>, <c>close:{outcome}</c>).</param>
public sealed record ConditionalRoute(FieldCondition When, string Outcome);

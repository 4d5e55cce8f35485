namespace CaseFy.Model.Templates;

/// <summary>One answer to a stage's decision.</summary>
/// <param name="Key">Unique within the decision.</param>
/// <param name="Label">What people see.</param>
/// <param name="Outcome">Where the case goes: <c>next</c>, <c>goToStage:{key}</c> or <c>close:{outcome}</c> (see <see cref="StageRoute"/>).</param>
public sealed record DecisionOption(string Key, string Label, string Outcome);

namespace CaseFy.Model.Templates;

/// <summary>The decision a stage asks for.</summary>
/// <param name="Question">What is being decided.</param>
/// <param name="Options">The possible answers, each routing the case.</param>
public sealed record DecisionDefinition(string Question, IReadOnlyList<DecisionOption> Options);

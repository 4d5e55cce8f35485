using System.Text.Json;

namespace CaseFy.Model.Templates;

/// <summary>One answer to a stage's decision.</summary>
/// <param name="Key">Unique within the decision.</param>
/// <param name="Label">What people see.</param>
/// <param name="Outcome">Where the case goes: <c>next</c>, <c>goToStage:{key}</c> or <c>close:{outcome}</c> (see <see cref="StageRoute"/>).</param>
public sealed record DecisionOption(string Key, string Label, string Outcome)
{
    /// <summary>Routes by the case's data: the first whose condition holds when the option is chosen replaces <see cref="Outcome"/>.</summary>
    public IReadOnlyList<ConditionalRoute> Routes { get; init; } = [];

    /// <summary>Where choosing this option sends a case with <paramref name="data"/>, and the route's condition when one decided it.</summary>
    public (string Outcome, FieldCondition? By) Resolve(IReadOnlyDictionary<string, JsonElement> data, IReadOnlyList<FieldDefinition> fields) =>
        Routes.FirstOrDefault(r => r.When.Holds(data, fields)) is { } route ? (route.Outcome, route.When) : (Outcome, null);
}

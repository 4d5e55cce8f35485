using CaseFy.Model.Templates;

namespace CaseFy.Model.Cases;

/// <summary>
/// The case list's filters on field values (<c>field.amount.gt=1000</c>): every condition must hold. Evaluated on the
/// index rows the other filters return, like the title text: Table Storage cannot compare inside the case's JSON.
/// </summary>
/// <param name="Conditions">The conditions, on filterable fields of one template.</param>
/// <param name="Fields">That template's fields (their types decide how values compare).</param>
public sealed record FieldFilter(IReadOnlyList<FieldCondition> Conditions, IReadOnlyList<FieldDefinition> Fields)
{
    public bool Matches(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Conditions.All(c => c.Holds(record.Data, Fields));
    }

    /// <summary>The conditions as text, in a fixed order: what a continuation token is bound to.</summary>
    public string Normalized() => string.Join("&", Conditions.Select(c => c.ToString()).Order(StringComparer.Ordinal));
}

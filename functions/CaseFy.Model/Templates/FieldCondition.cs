using System.Globalization;
using System.Text.Json;

namespace CaseFy.Model.Templates;

/// <summary>A test of one field's value (<c>amount gt 10000</c>), by which a decision option or an on-enter rule routes a case.</summary>
/// <param name="Field">The field's key.</param>
/// <param name="Op">The comparison.</param>
/// <param name="Value">What the field's value is compared with: a valid value of the field (checked at template save).</param>
public sealed record FieldCondition(string Field, ConditionOperator Op, JsonElement Value)
{
    /// <summary>Whether the operator orders values, so it applies only to fields whose values have an order.</summary>
    public static bool IsOrdering(ConditionOperator op) => op is not (ConditionOperator.Eq or ConditionOperator.Ne);

    /// <summary>Whether a field of this type has ordered values (numbers, amounts, dates, moments).</summary>
    public static bool IsOrdered(FieldType type) => type is FieldType.Number or FieldType.Money or FieldType.Date or FieldType.DateTime;

    /// <summary>Whether the case's data meets the condition. A field without a value meets none.</summary>
    public bool Holds(IReadOnlyDictionary<string, JsonElement> data, IReadOnlyList<FieldDefinition> fields)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fields);
        if (!data.TryGetValue(Field, out var actual) || fields.FirstOrDefault(f => f.Key == Field) is not { } field)
        {
            return false;
        }

        int? order = field.Type switch
        {
            FieldType.Number or FieldType.Money when FieldValues.TryNumber(actual, out var a) && FieldValues.TryNumber(Value, out var b) => a.CompareTo(b),
            FieldType.Date or FieldType.DateTime when FieldValues.TryMoment(field.Type, actual, out var a) && FieldValues.TryMoment(field.Type, Value, out var b) => a.CompareTo(b),
            _ => JsonElement.DeepEquals(actual, Value) ? 0 : null,
        };
        return Op switch
        {
            ConditionOperator.Eq => order == 0,
            ConditionOperator.Ne => order != 0,
            ConditionOperator.Gt => order > 0,
            ConditionOperator.Gte => order >= 0,
            ConditionOperator.Lt => order < 0,
            _ => order <= 0,
        };
    }

    /// <summary>
    /// How the timeline names it (<c>amount gt 10000</c>); for a <c>sensitive</c> field without the value compared with,
    /// since the entry goes out as an event and saying it matched would tell the field's value.
    /// </summary>
    public string Describe(IReadOnlyList<FieldDefinition> fields) =>
        fields?.FirstOrDefault(f => f.Key == Field)?.Sensitive == true ? $"{Field} {Op.ToString().ToLowerInvariant()} (sensitive)" : ToString();

    /// <summary>The condition as text: <c>amount gt 10000</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Field} {Op.ToString().ToLowerInvariant()} {Value.GetRawText()}");
}

using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Templates;

/// <summary>How a <see cref="FieldCondition"/> compares a field's value with its own.</summary>
[JsonConverter(typeof(NamedEnumConverter<ConditionOperator>))]
public enum ConditionOperator
{
    /// <summary>Equal (numbers and moments by value, text exactly).</summary>
    [JsonStringEnumMemberName("eq")]
    Eq,

    /// <summary>Not equal; a field without a value matches no condition, this one included.</summary>
    [JsonStringEnumMemberName("ne")]
    Ne,

    /// <summary>Greater than: number, money, date and dateTime fields only.</summary>
    [JsonStringEnumMemberName("gt")]
    Gt,

    [JsonStringEnumMemberName("gte")]
    Gte,

    [JsonStringEnumMemberName("lt")]
    Lt,

    [JsonStringEnumMemberName("lte")]
    Lte,
}

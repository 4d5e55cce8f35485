using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Templates;

/// <summary>What a case field holds, and so how its values are checked (see <see cref="FieldValues"/>).</summary>
[JsonConverter(typeof(NamedEnumConverter<FieldType>))]
public enum FieldType
{
    /// <summary>One line of text (a JSON string without line breaks).</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>Text with line breaks.</summary>
    [JsonStringEnumMemberName("longText")]
    LongText,

    /// <summary>A JSON number.</summary>
    [JsonStringEnumMemberName("number")]
    Number,

    /// <summary>An amount (a JSON number with at most two decimals) in the field's <c>currency</c>.</summary>
    [JsonStringEnumMemberName("money")]
    Money,

    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    [JsonStringEnumMemberName("date")]
    Date,

    /// <summary>A moment, ISO 8601 with an offset (<c>2026-03-03T12:00:00Z</c>).</summary>
    [JsonStringEnumMemberName("dateTime")]
    DateTime,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    [JsonStringEnumMemberName("boolean")]
    Boolean,

    /// <summary>One of the field's <c>options</c>.</summary>
    [JsonStringEnumMemberName("choice")]
    Choice,

    /// <summary>A list of distinct <c>options</c>.</summary>
    [JsonStringEnumMemberName("multiChoice")]
    MultiChoice,

    /// <summary>An e-mail address.</summary>
    [JsonStringEnumMemberName("email")]
    Email,

    /// <summary>A phone number: digits, spaces and <c>+ ( ) - .</c>.</summary>
    [JsonStringEnumMemberName("phone")]
    Phone,

    /// <summary>An absolute http or https URL.</summary>
    [JsonStringEnumMemberName("url")]
    Url,
}

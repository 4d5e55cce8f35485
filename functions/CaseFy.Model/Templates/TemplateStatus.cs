using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Templates;

/// <summary>Whether new cases may start on a template.</summary>
[JsonConverter(typeof(NamedEnumConverter<TemplateStatus>))]
public enum TemplateStatus
{
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>No new cases; running cases continue on their version.</summary>
    [JsonStringEnumMemberName("archived")]
    Archived,
}

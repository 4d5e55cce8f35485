using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Cases;

/// <summary>Whether a task is still to do.</summary>
[JsonConverter(typeof(NamedEnumConverter<CaseTaskStatus>))]
public enum CaseTaskStatus
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("completed")]
    Completed,
}

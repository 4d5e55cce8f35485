using System.Text.Json.Serialization;

namespace CaseFy.Model.Cases;

/// <summary>Whether a task is still to do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseTaskStatus>))]
public enum CaseTaskStatus
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("completed")]
    Completed,
}

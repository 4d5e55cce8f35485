using System.Text.Json.Serialization;

namespace CaseFy.Model.Cases;

/// <summary>Where a case is in its life (JSON: <c>"open"</c>, <c>"closed"</c> in every serializer options).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("closed")]
    Closed,
}

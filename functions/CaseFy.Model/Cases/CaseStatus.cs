using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Cases;

/// <summary>Where a case is in its life (JSON: <c>"open"</c>, <c>"closed"</c> in every serializer options).</summary>
[JsonConverter(typeof(NamedEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("closed")]
    Closed,
}

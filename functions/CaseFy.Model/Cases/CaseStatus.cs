using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Cases;

/// <summary>Where a case is in its life (JSON: <c>"open"</c>, <c>"onHold"</c>, <c>"closed"</c> in every serializer options).</summary>
[JsonConverter(typeof(NamedEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("closed")]
    Closed,

    /// <summary>Paused by a person: work can be recorded, but the case does not advance and breaches wait until it resumes.</summary>
    [JsonStringEnumMemberName("onHold")]
    OnHold,
}

using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Cases;

/// <summary>Where a case document stands.</summary>
[JsonConverter(typeof(NamedEnumConverter<DocumentStatus>))]
public enum DocumentStatus
{
    /// <summary>Asked for, nothing (acceptable) uploaded yet; a rejected document is requested again.</summary>
    [JsonStringEnumMemberName("requested")]
    Requested,

    [JsonStringEnumMemberName("uploaded")]
    Uploaded,

    [JsonStringEnumMemberName("accepted")]
    Accepted,
}

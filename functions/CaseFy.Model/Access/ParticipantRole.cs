using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Access;

/// <summary>A person's role on one case (JSON: <c>"owner"</c>, <c>"member"</c>, <c>"viewer"</c>).</summary>
[JsonConverter(typeof(NamedEnumConverter<ParticipantRole>))]
public enum ParticipantRole
{
    /// <summary>Reads the case.</summary>
    [JsonStringEnumMemberName("viewer")]
    Viewer,

    /// <summary>Reads and works the case.</summary>
    [JsonStringEnumMemberName("member")]
    Member,

    /// <summary>Works the case and manages who takes part (participants, portal links); one per case.</summary>
    [JsonStringEnumMemberName("owner")]
    Owner,
}

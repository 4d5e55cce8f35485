using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Portal;

/// <summary>What an external party may do through a portal link (JSON: <c>"view"</c>, <c>"upload"</c>, <c>"answer"</c>, <c>"message"</c>).</summary>
[JsonConverter(typeof(NamedEnumConverter<PortalAction>))]
public enum PortalAction
{
    /// <summary>See the public view of the case.</summary>
    [JsonStringEnumMemberName("view")]
    View,

    /// <summary>Upload the documents requested from them.</summary>
    [JsonStringEnumMemberName("upload")]
    Upload,

    /// <summary>Answer a question put to them.</summary>
    [JsonStringEnumMemberName("answer")]
    Answer,

    /// <summary>Read the team's messages to them and write back (their own conversation with the team).</summary>
    [JsonStringEnumMemberName("message")]
    Message,
}

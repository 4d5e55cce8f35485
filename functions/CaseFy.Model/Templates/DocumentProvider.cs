using System.Text.Json.Serialization;

namespace CaseFy.Model.Templates;

/// <summary>Who provides a document: the team, or an external party through a portal link.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentProvider>))]
public enum DocumentProvider
{
    [JsonStringEnumMemberName("internal")]
    Internal,

    [JsonStringEnumMemberName("external")]
    External,
}

using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Templates;

/// <summary>Who provides a document: the team, or an external party through a portal link.</summary>
[JsonConverter(typeof(NamedEnumConverter<DocumentProvider>))]
public enum DocumentProvider
{
    [JsonStringEnumMemberName("internal")]
    Internal,

    [JsonStringEnumMemberName("external")]
    External,
}

using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Templates;

/// <summary>Who may fill a case field: the team, the outside party through a portal link, or both.</summary>
[JsonConverter(typeof(NamedEnumConverter<FieldFiller>))]
public enum FieldFiller
{
    [JsonStringEnumMemberName("team")]
    Team,

    [JsonStringEnumMemberName("external")]
    External,

    [JsonStringEnumMemberName("both")]
    Both,
}

using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Templates;

/// <summary>How a stage is left once its exit criteria are met.</summary>
[JsonConverter(typeof(NamedEnumConverter<AdvanceMode>))]
public enum AdvanceMode
{
    /// <summary>The case shows <c>readyToAdvance</c> and waits for a person to advance it.</summary>
    [JsonStringEnumMemberName("manual")]
    Manual,

    /// <summary>The orchestration advances the case by itself.</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,
}

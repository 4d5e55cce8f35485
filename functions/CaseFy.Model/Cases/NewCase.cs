using System.Text.Json;

namespace CaseFy.Model.Cases;

/// <summary>What a client submits to open a case.</summary>
public sealed record NewCase(string? TemplateId, string? Title)
{
    /// <summary>Initial values of the template's fields, checked like a data change (see <see cref="CaseData"/>).</summary>
    public Dictionary<string, JsonElement>? Data { get; init; }
}

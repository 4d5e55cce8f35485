using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFy.Model;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Templates;

/// <summary>
/// The sample templates shipped in <c>samples/templates/*.json</c> (template drafts, as <c>POST /api/templates</c>
/// takes them). Each gets a fixed id derived from its file name, so loading them again changes nothing.
/// </summary>
public static class SampleTemplates
{
    public static string IdFor(string fileName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("casefy-sample:" + Path.GetFileNameWithoutExtension(fileName))))[..32];

    /// <summary>Reads and validates every sample in a folder.</summary>
    /// <exception cref="InvalidDataException">A sample is not a valid template.</exception>
    public static IReadOnlyList<(string Id, TemplateDraft Draft)> Read(string folder) =>
        [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(path =>
        {
            var draft = JsonSerializer.Deserialize(File.ReadAllBytes(path), CaseFyJsonContext.Default.TemplateDraft)
                ?? throw new InvalidDataException($"{path} is empty.");
            var errors = TemplateRules.Validate(draft);
            return errors.Count == 0
                ? (IdFor(path), draft)
                : throw new InvalidDataException($"{path} is not a valid template: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        })];

    /// <summary>Stores the samples that are not stored yet.</summary>
    /// <returns>How many were stored now.</returns>
    public static async Task<int> SeedAsync(TemplateService templates, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var stored = 0;
        foreach (var (id, draft) in Read(folder))
        {
            if (await templates.CreateWithIdAsync(id, draft, Actor.System, cancellationToken))
            {
                stored++;
            }
        }

        return stored;
    }
}

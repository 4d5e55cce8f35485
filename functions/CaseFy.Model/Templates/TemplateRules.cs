using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>The rules a template draft must satisfy; errors are keyed by the JSON path of the offending field.</summary>
public static partial class TemplateRules
{
    public const int MaxStages = 50;

    /// <summary>Checks a draft.</summary>
    /// <returns>The errors by JSON path; empty when the draft is valid.</returns>
    public static Dictionary<string, string[]> Validate(TemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.name", draft.Name, TextRules.MaxNameLength);
        TextRules.OptionalText(errors, "$.description", draft.Description, TextRules.MaxDescriptionLength);

        if (draft.Stages is null || draft.Stages.Count == 0)
        {
            errors.Add("$.stages", "A template needs at least one stage.");
            return errors.ToDictionary();
        }

        if (draft.Stages.Count > MaxStages)
        {
            errors.Add("$.stages", $"A template has at most {MaxStages} stages.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < draft.Stages.Count; i++)
        {
            var path = $"$.stages[{i}]";
            var stage = draft.Stages[i];
            if (stage is null)
            {
                errors.Add(path, "A stage is required.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(stage.Key) || !StageKeyPattern().IsMatch(stage.Key))
            {
                errors.Add($"{path}.key", "A stage key is 1-40 lowercase letters, digits or '-', starting with a letter.");
            }
            else if (!seen.Add(stage.Key))
            {
                errors.Add($"{path}.key", $"The stage key '{stage.Key}' is used by an earlier stage.");
            }

            TextRules.RequireText(errors, $"{path}.name", stage.Name, TextRules.MaxNameLength);
        }

        return errors.ToDictionary();
    }

    /// <summary>Turns a valid draft into the first version of a template.</summary>
    public static CaseTemplate ToTemplate(TemplateDraft draft, string id, Actor createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new CaseTemplate
        {
            Id = id,
            Version = 1,
            Name = draft.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim(),
            Stages = [.. draft.Stages!.Select(s => new StageDefinition(s!.Key!, s.Name!.Trim()))],
            CreatedAt = now,
            CreatedBy = createdBy,
        };
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex StageKeyPattern();
}

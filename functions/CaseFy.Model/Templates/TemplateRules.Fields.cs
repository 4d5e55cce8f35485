using System.Text.Json;
using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>The rules of a template's <c>fields</c> and of the stages' <c>requiredFields</c> and <c>externalFields</c>.</summary>
public static partial class TemplateRules
{
    public const string FieldKeyRule = "A field key is 1-40 letters or digits, starting with a lowercase letter (e.g. startDate).";

    /// <summary>Whether a value has the shape of a field key (camelCase, so <c>$.startDate</c> is a plain JSON path).</summary>
    public static bool IsFieldKey(string? value) => value is not null && FieldKeyPattern().IsMatch(value);

    /// <summary>Checks the fields; returns the valid ones by key, for the stages' references.</summary>
    private static Dictionary<string, FieldDraft> ValidateFields(ValidationErrors errors, IReadOnlyList<FieldDraft?>? fields)
    {
        var valid = new Dictionary<string, FieldDraft>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ValidateList(errors, "$.fields", fields, FieldLimits.MaxFields, (path, field) =>
        {
            if (!IsFieldKey(field.Key))
            {
                errors.Add($"{path}.key", FieldKeyRule);
            }
            else if (!seen.Add(field.Key!))
            {
                errors.Add($"{path}.key", $"The field key '{field.Key}' is used already.");
            }
            else
            {
                valid[field.Key!] = field;
            }

            TextRules.RequireText(errors, $"{path}.label", field.Label, TextRules.MaxNameLength);
            TextRules.OptionalText(errors, $"{path}.help", field.Help, FieldLimits.MaxHelpLength);
            if (field.Type is not { } type)
            {
                errors.Add($"{path}.type", "The type is one of text, longText, number, money, date, dateTime, boolean, choice, multiChoice, email, phone, url.");
                return;
            }

            ValidateOptions(errors, path, field, type);
            ValidateBounds(errors, path, field, type);
            ValidateTextRules(errors, path, field, type);
            if (type == FieldType.Money && (field.Currency is null || !CurrencyPattern().IsMatch(field.Currency)))
            {
                errors.Add($"{path}.currency", "A money field names its ISO 4217 currency: three capital letters (e.g. EUR).");
            }
            else if (type != FieldType.Money && field.Currency is not null)
            {
                errors.Add($"{path}.currency", "Only a money field has a currency.");
            }

            if (field.Filterable == true && type == FieldType.LongText)
            {
                errors.Add($"{path}.filterable", "Long text cannot be filtered on.");
            }
        });
        return valid;
    }

    private static void ValidateOptions(ValidationErrors errors, string path, FieldDraft field, FieldType type)
    {
        if (type is not (FieldType.Choice or FieldType.MultiChoice))
        {
            if (field.Options is not null)
            {
                errors.Add($"{path}.options", "Only a choice or multiChoice field has options.");
            }

            return;
        }

        if (field.Options is null || field.Options.Count == 0)
        {
            errors.Add($"{path}.options", "A choice field lists its options.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        ValidateList(errors, $"{path}.options", field.Options, FieldLimits.MaxOptions, (p, option) =>
        {
            TextRules.RequireText(errors, p, option, FieldLimits.MaxOptionLength);
            if (!seen.Add(option.Trim()))
            {
                errors.Add(p, $"The option '{option}' is listed twice.");
            }
        });
    }

    private static void ValidateBounds(ValidationErrors errors, string path, FieldDraft field, FieldType type)
    {
        var numeric = type is FieldType.Number or FieldType.Money;
        var temporal = type is FieldType.Date or FieldType.DateTime;
        var bounds = new List<(string Name, JsonElement Value, IComparable Read)>();
        foreach (var (name, bound) in new[] { ("min", field.Min), ("max", field.Max) })
        {
            if (bound is not { } value)
            {
                continue;
            }

            if (!numeric && !temporal)
            {
                errors.Add($"{path}.{name}", "Only number, money, date and dateTime fields have min and max.");
            }
            else if (numeric && FieldValues.TryNumber(value, out var number))
            {
                bounds.Add((name, value, number));
            }
            else if (temporal && FieldValues.TryMoment(type, value, out var moment))
            {
                bounds.Add((name, value, moment));
            }
            else
            {
                errors.Add($"{path}.{name}", numeric ? "A number." : type == FieldType.Date ? "A date: yyyy-MM-dd." : "A moment in ISO 8601 with an offset.");
            }
        }

        if (bounds.Count == 2 && bounds[0].Read.CompareTo(bounds[1].Read) > 0)
        {
            errors.Add($"{path}.max", "max is not less than min.");
        }
    }

    private static void ValidateTextRules(ValidationErrors errors, string path, FieldDraft field, FieldType type)
    {
        var cap = FieldLimits.MaxLength(type);
        if (field.MaxLength is { } maxLength && (cap == 0 || maxLength < 1 || maxLength > cap))
        {
            errors.Add($"{path}.maxLength", cap == 0 ? "Only text fields have maxLength." : $"From 1 to {cap} for a field of this type.");
        }

        if (field.Pattern is not { } pattern)
        {
            return;
        }

        if (cap == 0)
        {
            errors.Add($"{path}.pattern", "Only text fields have a pattern.");
        }
        else if (!FieldPatterns.TryCompile(pattern, out _, out var error))
        {
            errors.Add($"{path}.pattern", error);
        }
    }

    private static void ValidateStageFields(
        ValidationErrors errors, string stagePath, StageDraft stage, Dictionary<string, FieldDraft> fields)
    {
        ValidateFieldKeys(errors, $"{stagePath}.requiredFields", stage.RequiredFields, fields, _ => null);
        ValidateFieldKeys(errors, $"{stagePath}.externalFields", stage.ExternalFields, fields, WhyNotExternal);
    }

    private static string? WhyNotExternal(FieldDraft field) =>
        field.FilledBy is FieldFiller.External or FieldFiller.Both ? null : "This field is filled by the team: set its filledBy to external or both.";

    private static void ValidateFieldKeys(
        ValidationErrors errors, string path, IReadOnlyList<string?>? keys, Dictionary<string, FieldDraft> fields, Func<FieldDraft, string?> rule)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ValidateList(errors, path, keys, FieldLimits.MaxFields, (p, key) =>
        {
            if (!fields.TryGetValue(key, out var field))
            {
                errors.Add(p, $"There is no field '{key}' in this template.");
            }
            else if (!seen.Add(key))
            {
                errors.Add(p, $"The field '{key}' is listed twice.");
            }
            else if (rule(field) is { } message)
            {
                errors.Add(p, message);
            }
        });
    }

    private static FieldDefinition ToField(FieldDraft f) => new(f.Key!, f.Label!.Trim(), f.Type!.Value)
    {
        Required = f.Required ?? false,
        Options = f.Options is null ? null : [.. f.Options.Select(o => o!.Trim())],
        Min = f.Min,
        Max = f.Max,
        MaxLength = f.MaxLength,
        Pattern = f.Pattern,
        Currency = f.Currency,
        Help = string.IsNullOrWhiteSpace(f.Help) ? null : f.Help.Trim(),
        FilledBy = f.FilledBy ?? FieldFiller.Team,
        VisibleToExternal = f.VisibleToExternal ?? false,
        Sensitive = f.Sensitive ?? false,
        Filterable = f.Filterable ?? false,
    };

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldKeyPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}

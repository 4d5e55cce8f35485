using System.Text.Json;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// A case's typed <c>data</c>, changed by JSON merge patch (RFC 7396: a key sets its field, <c>null</c> clears it):
/// each value is checked against its field's rules and against who may fill it, and an accepted change that changes
/// something is one <c>FieldsChanged</c> entry listing every changed field's old and new value.
/// </summary>
public static class CaseData
{
    /// <summary>The most characters a case's data may take as JSON (keeps the case row far below its 1 MiB limit).</summary>
    public const int MaxDataChars = 64 * 1024;

    /// <summary>The prefix of an entry's old value (<c>old.startDate</c>); <c>null</c> when the field had none.</summary>
    public const string OldPrefix = "old.";

    /// <summary>The entry key listing the changed fields marked <c>sensitive</c>, whose values never leave in an event.</summary>
    public const string SensitiveKey = "sensitive";

    /// <summary>The prefix of an entry's new value (<c>new.startDate</c>); <c>null</c> when the field was cleared.</summary>
    public const string NewPrefix = "new.";

    /// <summary>Checks a merge patch against the template's fields, for <paramref name="editor"/> in <paramref name="stage"/>.</summary>
    /// <returns>The errors by JSON path; empty when the patch is valid.</returns>
    public static Dictionary<string, string[]> Validate(
        IReadOnlyDictionary<string, JsonElement> patch, CaseTemplate template, StageDefinition stage, FieldEditor editor)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(stage);
        var errors = new ValidationErrors();
        foreach (var (name, value) in patch)
        {
            if (!TemplateRules.IsFieldKey(name))
            {
                // Not echoed into the path: a key can be any string, 100,000 characters long.
                errors.Add("$", "Every key names a field of the case's template; one does not.");
                continue;
            }

            var path = "$." + name;
            var field = template.Fields.FirstOrDefault(f => f.Key == name);
            if (field is null)
            {
                errors.Add(path, "There is no such field in this case's template.");
            }
            else if (WhyNotFillable(field, template, stage, editor) is { } reason)
            {
                errors.Add(path, reason);
            }
            else if (value.ValueKind != JsonValueKind.Null)
            {
                FieldValues.Check(errors, path, field, value);
            }
        }

        return errors.ToDictionary();
    }

    /// <summary>Applies a merge patch to a case.</summary>
    /// <param name="current">The stored case.</param>
    /// <param name="template">The template version the case runs on.</param>
    /// <param name="patch">The merge patch.</param>
    /// <param name="editor">Who writes.</param>
    /// <param name="actor">Recorded on the entry.</param>
    /// <param name="now">The time.</param>
    /// <param name="expectedLength">The timeline length of the copy the caller read (its ETag), if it sent one.</param>
    /// <returns>The change, or <see langword="null"/> when the patch changes nothing (nothing is recorded).</returns>
    /// <exception cref="StaleCaseException">The case changed since the caller read it.</exception>
    /// <exception cref="CaseRuleException">The case is closed, or is leaving the stage that needs a field being cleared.</exception>
    /// <exception cref="CaseDataException">The patch breaks the fields' rules.</exception>
    public static CaseChange? Change(
        CaseRecord current, CaseTemplate template, IReadOnlyDictionary<string, JsonElement> patch, FieldEditor editor, Actor actor, DateTimeOffset now, long? expectedLength = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        if (expectedLength is { } expected && current.TimelineLength != expected)
        {
            throw new StaleCaseException();
        }

        TaskRules.RequireNotClosed(current);
        var stage = template.Stages[current.CurrentStage.Index];
        var errors = Validate(patch, template, stage, editor);
        if (errors.Count > 0)
        {
            throw new CaseDataException(errors);
        }

        var writer = new TimelineWriter(current, now);
        return Record(writer, template, patch, actor) ? writer.ToChange() : null;
    }

    /// <summary>The fields that need a value before <paramref name="stage"/> may be left: its own and every required field.</summary>
    public static IEnumerable<string> RequiredFor(StageDefinition stage, IReadOnlyList<FieldDefinition> fields)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(fields);
        return stage.RequiredFields.Concat(fields.Where(f => f.Required).Select(f => f.Key)).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Records a valid patch on <paramref name="writer"/>; <see langword="false"/> when it changes nothing.</summary>
    internal static bool Record(TimelineWriter writer, CaseTemplate template, IReadOnlyDictionary<string, JsonElement> patch, Actor actor)
    {
        var current = writer.Case;
        var data = new Dictionary<string, JsonElement>(current.Data, StringComparer.Ordinal);
        var entry = new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var (key, value) in patch)
        {
            var had = data.TryGetValue(key, out var old);
            var clears = value.ValueKind == JsonValueKind.Null;
            if (clears ? !had : had && JsonElement.DeepEquals(old, value))
            {
                continue;
            }

            if (clears)
            {
                data.Remove(key);
            }
            else
            {
                data[key] = value.Clone();
            }

            changed.Add(key);
            entry[OldPrefix + key] = had ? old.GetRawText() : "null";
            entry[NewPrefix + key] = value.GetRawText();
        }

        if (changed.Count == 0)
        {
            return false;
        }

        var stage = template.Stages[current.CurrentStage.Index];
        if (changed.Any(k => !data.ContainsKey(k)) && RequiredFor(stage, template.Fields).Any(k => changed.Contains(k) && !data.ContainsKey(k)))
        {
            // The pending advance counted on the field's value: it cannot be taken away under it.
            CaseLifecycle.RequireNotLeaving(current);
        }

        if (data.Sum(d => d.Key.Length + d.Value.GetRawText().Length + 4) > MaxDataChars)
        {
            throw new CaseDataException($"A case's data takes at most {MaxDataChars} characters as JSON.");
        }

        entry["fields"] = string.Join(",", changed);
        var sensitive = template.Fields.Where(f => f.Sensitive && changed.Contains(f.Key)).Select(f => f.Key).ToList();
        if (sensitive.Count > 0)
        {
            // The timeline keeps the values (people on the case see them); events and webhooks carry only the keys.
            entry[SensitiveKey] = string.Join(",", sensitive);
        }

        writer.Update(c => c with { Data = data }).Append(TimelineEntryTypes.FieldsChanged, actor, entry);
        return true;
    }

    private static string? WhyNotFillable(FieldDefinition field, CaseTemplate template, StageDefinition stage, FieldEditor editor) => editor switch
    {
        FieldEditor.Intake when template.Intake?.Fields.Contains(field.Key, StringComparer.Ordinal) != true => "The intake form does not ask for this field.",
        FieldEditor.Team when field.FilledBy == FieldFiller.External => "The outside party fills this field, through their portal link.",
        FieldEditor.External when !stage.ExternalFields.Contains(field.Key, StringComparer.Ordinal) => "This stage does not ask you for this field.",
        _ => null,
    };
}

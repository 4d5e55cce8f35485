namespace CaseFy.Model.Templates;

/// <summary>The rules of routes: outcomes, and conditions on fields (decision option routes, route automations).</summary>
public static partial class TemplateRules
{
    private static void ValidateOutcome(ValidationErrors errors, string path, string? outcome, HashSet<string> stageKeys)
    {
        if (!StageRoute.TryParse(outcome, out var route))
        {
            errors.Add(path, "The outcome is 'next', 'goToStage:{stage key}' or 'close:{outcome key}'.");
        }
        else if (route.Kind == StageRouteKind.GoToStage && !stageKeys.Contains(route.Target))
        {
            errors.Add(path, $"There is no stage '{route.Target}' in this template.");
        }
    }

    // The field must exist, the operator must suit its type, and the value must be one the field could hold.
    private static void ValidateCondition(ValidationErrors errors, string path, FieldConditionDraft? condition, Dictionary<string, FieldDraft> fields)
    {
        if (condition is null)
        {
            errors.Add(path, "A route needs its condition: {\"field\",\"op\",\"value\"}.");
            return;
        }

        if (condition.Field is null || !fields.TryGetValue(condition.Field, out var field))
        {
            errors.Add($"{path}.field", "Name a field of this template.");
            return;
        }

        if (field.Type is not { } type)
        {
            return; // the field's own error says it
        }

        if (condition.Op is not { } op)
        {
            errors.Add($"{path}.op", "The operator is one of eq, ne, gt, gte, lt, lte.");
        }
        else if (FieldCondition.IsOrdering(op) && !FieldCondition.IsOrdered(type))
        {
            errors.Add($"{path}.op", "gt, gte, lt and lte compare number, money, date and dateTime fields only.");
        }
        else if (type is FieldType.MultiChoice or FieldType.LongText)
        {
            errors.Add($"{path}.op", "Routes compare single values: not multiChoice or longText fields.");
            return;
        }

        if (condition.Value is not { ValueKind: not System.Text.Json.JsonValueKind.Null } value)
        {
            errors.Add($"{path}.value", "A route compares the field with a value.");
            return;
        }

        // Checked for its type (and a choice's options) only: a bound like 10,000 may lie outside the field's min/max.
        var shape = new FieldDefinition(field.Key!, field.Key!, type) { Options = field.Options?.Where(o => o is not null).Select(o => o!.Trim()).ToList() };
        FieldValues.Check(errors, $"{path}.value", shape, value);
    }

    private static FieldCondition ToCondition(FieldConditionDraft c) => new(c.Field!, c.Op!.Value, c.Value!.Value.Clone());
}

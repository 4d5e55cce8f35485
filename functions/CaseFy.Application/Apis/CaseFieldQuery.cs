using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace CaseFy.Application.Apis;

/// <summary>
/// Reads the case list's field filters: <c>field.{key}={value}</c> (equal) and <c>field.{key}.{op}={value}</c>
/// (<c>eq</c>, <c>ne</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>), on fields the template named by
/// <c>templateId</c> marks <c>filterable</c> (its newest version). Each value is read as the field's type and checked
/// like a value of the field; anything else is a 400 naming the parameter.
/// </summary>
public static partial class CaseFieldQuery
{
    public const string Prefix = "field.";
    public const int MaxFilters = 10;
    public const int MaxValueLength = 200;

    /// <summary>The name of a field filter: <c>field.</c>, the field's key, and optionally <c>.</c> and the comparison.</summary>
    public const string NamePatternText = @"^field\.([a-z][A-Za-z0-9]{0,39})(?:\.(eq|ne|gt|gte|lt|lte))?$";

    /// <summary>
    /// The field filters in the OpenAPI document: one form-exploded object whose members are the filters, so each
    /// member is its own query parameter (<c>field.department=HR&amp;field.amount.gt=1000</c>) and the object's own name
    /// never appears in the URL.
    /// </summary>
    public static readonly QueryParameter Parameter = new(
        "fieldFilters",
        "Field filters (with templateId, on the template's filterable fields), each its own query parameter: "
            + "field.{key}={value} or field.{key}.{op}={value}. Not a parameter named fieldFilters: its members are the parameters.",
        JsonSchemaType.Object)
    {
        NamePattern = NamePatternText,
        MaxLength = MaxValueLength,
    };

    /// <returns>The filter (<see langword="null"/> when the query has none), or the problem.</returns>
    public static async Task<(FieldFilter? Filter, IResult? Problem)> ReadAsync(
        HttpRequest request, string? templateId, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(templates);
        var names = request.Query.Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        if (names.Count == 0)
        {
            return (null, null);
        }

        var errors = new ValidationErrors();
        if (names.Count > MaxFilters)
        {
            errors.Add("field", $"At most {MaxFilters} field filters.");
        }

        var template = templateId is null ? null : await templates.GetAsync(templateId, version: null, cancellationToken);
        if (template is null)
        {
            errors.Add("templateId", "Field filters (field.{key}) need the templateId of a template: fields belong to a template.");
        }

        if (!errors.IsEmpty)
        {
            return (null, ApiProblems.Invalid(errors.ToDictionary()));
        }

        var conditions = new List<FieldCondition>();
        foreach (var name in names)
        {
            if (Read(request, name, template!, errors) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return errors.IsEmpty ? (new FieldFilter(conditions, template!.Fields), null) : (null, ApiProblems.Invalid(errors.ToDictionary()));
    }

    private static FieldCondition? Read(HttpRequest request, string name, CaseTemplate template, ValidationErrors errors)
    {
        var match = NamePattern().Match(name);
        if (!match.Success)
        {
            // Not echoed: a parameter name can be any string.
            errors.Add("field", "A field filter is field.{key} or field.{key}.{op}, op one of eq, ne, gt, gte, lt, lte.");
            return null;
        }

        var key = match.Groups[1].Value;
        var op = match.Groups[2].Success ? Enum.Parse<ConditionOperator>(match.Groups[2].Value, ignoreCase: true) : ConditionOperator.Eq;
        var field = template.Fields.FirstOrDefault(f => f.Key == key && f.Filterable);
        var values = request.Query[name];
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxValueLength } text)
        {
            errors.Add(name, $"Give {name} once, with a value of at most {MaxValueLength} characters.");
        }
        else if (field is null)
        {
            errors.Add(name, $"The template has no field '{key}' marked filterable.");
        }
        else if (field.Type == FieldType.MultiChoice)
        {
            errors.Add(name, "A multiChoice field cannot be filtered on.");
        }
        else if (FieldCondition.IsOrdering(op) && !FieldCondition.IsOrdered(field.Type))
        {
            errors.Add(name, "gt, gte, lt and lte compare number, money, date and dateTime fields only.");
        }
        else if (ValueOf(field.Type, text) is not { } value)
        {
            errors.Add(name, "Not a value of this field's type.");
        }
        else
        {
            // The value is checked for its type (a choice: one of its options), not the field's min/max: a range may start below it.
            var before = errors.Count;
            FieldValues.Check(errors, name, new FieldDefinition(field.Key, field.Label, field.Type) { Options = field.Options }, value);
            return errors.Count == before ? new FieldCondition(key, op, value) : null;
        }

        return null;
    }

    // Query values are text: numbers and booleans become JSON numbers and booleans, everything else a JSON string.
    private static JsonElement? ValueOf(FieldType type, string text)
    {
        switch (type)
        {
            case FieldType.Number or FieldType.Money:
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? JsonElement.Parse(number.ToString(CultureInfo.InvariantCulture))
                    : null;
            case FieldType.Boolean:
                return text is "true" or "false" ? JsonElement.Parse(text) : null;
            default:
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStringValue(text);
                }

                return JsonElement.Parse(buffer.WrittenSpan);
        }
    }

    [GeneratedRegex(NamePatternText, RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>
/// The value rules of each <see cref="FieldType"/>: what a case's <c>data</c> may hold for a field. Values stay JSON
/// (the case stores what was sent, so nothing is lost in a conversion); this checks their shape and the field's rules.
/// </summary>
public static partial class FieldValues
{
    /// <summary>The most decimal places of a <c>money</c> amount (three covers every ISO 4217 currency).</summary>
    public const int MoneyDecimals = 3;

    /// <summary>Checks one value against its field, adding errors at <paramref name="path"/>.</summary>
    public static void Check(ValidationErrors errors, string path, FieldDefinition field, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(field);
        var error = field.Type switch
        {
            FieldType.Number or FieldType.Money => CheckNumber(field, value),
            FieldType.Date or FieldType.DateTime => CheckMoment(field, value),
            FieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "A boolean: true or false.",
            FieldType.Choice => TryText(value, out var choice) && IsOption(field, choice)
                ? null
                : "One of: " + string.Join(", ", field.Options ?? []) + ".",
            FieldType.MultiChoice => CheckMultiChoice(field, value),
            _ => CheckText(field, value),
        };
        if (error is not null)
        {
            errors.Add(path, error);
        }
    }

    /// <summary>Reads a <c>number</c>/<c>money</c> value or bound.</summary>
    public static bool TryNumber(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number);
    }

    /// <summary>Reads a <c>date</c> (as midnight UTC) or <c>dateTime</c> value or bound, in a form that orders correctly.</summary>
    public static bool TryMoment(FieldType type, JsonElement value, out DateTimeOffset moment)
    {
        moment = default;
        if (!TryText(value, out var text))
        {
            return false;
        }

        if (type == FieldType.Date)
        {
            var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            moment = ok ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : default;
            return ok;
        }

        // A moment without an offset means a different instant on every server: refused.
        return value.TryGetDateTime(out var local) && local.Kind != DateTimeKind.Unspecified && value.TryGetDateTimeOffset(out moment);
    }

    private static string? CheckNumber(FieldDefinition field, JsonElement value)
    {
        if (!TryNumber(value, out var number))
        {
            return "A number.";
        }

        if (field.Type == FieldType.Money && number.Scale > MoneyDecimals && decimal.Round(number, MoneyDecimals) != number)
        {
            return $"An amount with at most {MoneyDecimals} decimals.";
        }

        return field.Min is { } min && TryNumber(min, out var low) && number < low ? $"At least {min.GetRawText()}."
            : field.Max is { } max && TryNumber(max, out var high) && number > high ? $"At most {max.GetRawText()}."
            : null;
    }

    private static string? CheckMoment(FieldDefinition field, JsonElement value)
    {
        if (!TryMoment(field.Type, value, out var moment))
        {
            return field.Type == FieldType.Date ? "A date: yyyy-MM-dd." : "A moment in ISO 8601 with an offset, e.g. 2026-03-03T12:00:00Z.";
        }

        return field.Min is { } min && TryMoment(field.Type, min, out var low) && moment < low ? $"On or after {min.GetString()}."
            : field.Max is { } max && TryMoment(field.Type, max, out var high) && moment > high ? $"On or before {max.GetString()}."
            : null;
    }

    private static string? CheckMultiChoice(FieldDefinition field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return "A list of options.";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (!TryText(item, out var option) || !IsOption(field, option))
            {
                return "Each item one of: " + string.Join(", ", field.Options ?? []) + ".";
            }

            if (!seen.Add(option))
            {
                return $"'{option}' is listed twice.";
            }
        }

        return null;
    }

    private static string? CheckText(FieldDefinition field, JsonElement value)
    {
        if (!TryText(value, out var text))
        {
            return "Text (a JSON string of valid Unicode).";
        }

        var maxLength = Math.Min(field.MaxLength ?? int.MaxValue, FieldLimits.MaxLength(field.Type));
        if (text.Length > maxLength)
        {
            return $"At most {maxLength} characters.";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "Empty text: send null to clear a field.";
        }

        // Long text keeps line breaks and tabs; every other control character, and any in one-line values, is refused.
        if (text.Any(c => char.IsControl(c) && !(field.Type == FieldType.LongText && c is '\n' or '\r' or '\t')))
        {
            return "Control characters are not allowed.";
        }

        var shape = field.Type switch
        {
            FieldType.Email when !EmailPattern().IsMatch(text) => "An e-mail address, e.g. name@example.org.",
            FieldType.Phone when !PhonePattern().IsMatch(text) => "A phone number: digits, spaces and + ( ) - . only, at least 3 digits.",
            FieldType.Url when !IsWebUrl(text) => "An absolute http or https URL.",
            _ => null,
        };
        return shape ?? (field.Pattern is { } pattern ? FieldPatterns.Matches(pattern, text) switch
        {
            true => null,
            false => $"Does not match the pattern {pattern}.",
            null => "Could not be checked against the pattern in time: please send it again.",
        } : null);
    }

    // A JSON string may escape a lone surrogate ("\ud800"), which no .NET string conversion accepts: not text, a 400.
    private static bool TryText(JsonElement value, out string text)
    {
        text = string.Empty;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsOption(FieldDefinition field, string value) => field.Options?.Contains(value, StringComparer.Ordinal) == true;

    private static bool IsWebUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?(?:[ ().-]*[0-9]){3,}[ ().-]*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PhonePattern();
}

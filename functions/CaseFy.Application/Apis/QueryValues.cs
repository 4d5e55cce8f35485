using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Apis;

/// <summary>Reads single-valued query parameters, answering 400 naming the parameter when a value is not allowed.</summary>
public static class QueryValues
{
    /// <summary>Reads an optional enum value by its name, case-insensitively (<c>direction=backward</c>).</summary>
    public static bool TryReadEnum<T>(HttpRequest request, string name, T fallback, out T value, out IResult? problem)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(request);
        value = fallback;
        problem = null;
        var raw = request.Query[name];
        if (raw.Count == 0)
        {
            return true;
        }

        if (raw.Count == 1 && raw[0] is { Length: > 0 } text && text.All(char.IsAsciiLetter)
            && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value))
        {
            return true;
        }

        var allowed = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        problem = ApiProblems.Invalid(name, $"{name} is one of: {allowed}.");
        return false;
    }

    /// <summary>
    /// Reads an optional moment (RFC 3339 date-time with <c>Z</c> or an offset: <c>2026-03-03T12:00:00Z</c>); a moment
    /// without an offset would mean a different instant on every server, so it is refused like any other bad value.
    /// </summary>
    public static bool TryReadMoment(HttpRequest request, string name, out DateTimeOffset? value, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = null;
        problem = null;
        var raw = request.Query[name];
        if (raw.Count == 0)
        {
            return true;
        }

        if (raw.Count == 1 && raw[0] is { Length: >= 20 and <= 40 } text && text[10] is 'T' or 't'
            && (text[^1] is 'Z' or 'z' || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
        {
            value = moment;
            return true;
        }

        problem = ApiProblems.Invalid(name, $"{name} is one moment with its offset, e.g. 2026-03-03T12:00:00Z.");
        return false;
    }
}

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
}

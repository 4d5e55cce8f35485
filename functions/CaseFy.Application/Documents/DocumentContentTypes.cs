using Microsoft.Net.Http.Headers;

namespace CaseFy.Application.Documents;

/// <summary>Media types of uploaded files as CaseFy stores and compares them: <c>type/subtype</c>, lower case, no parameters.</summary>
public static class DocumentContentTypes
{
    public const string Default = "application/octet-stream";

    /// <summary>The normal form of <paramref name="value"/>; <see cref="Default"/> when absent; <see langword="null"/> when malformed.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        return MediaTypeHeaderValue.TryParse(value, out var parsed) && parsed.MediaType.Value is { Length: <= 255 } type
            && !parsed.MatchesAllTypes && !parsed.MatchesAllSubTypes
            ? type.ToLowerInvariant()
            : null;
    }

    /// <summary>Whether a document with these limits takes a file of this (normalized) type; no list means any type.</summary>
    public static bool Allows(IReadOnlyList<string>? allowed, string contentType) =>
        allowed is null || allowed.Any(a => string.Equals(a, contentType, StringComparison.OrdinalIgnoreCase));
}

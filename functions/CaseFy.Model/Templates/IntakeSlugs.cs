using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>The address of a template's intake form (<c>job-application</c>): lowercase, short and safe in a URL.</summary>
public static partial class IntakeSlugs
{
    public const string Rule = "A slug is 3-60 characters: lowercase letters, digits and single hyphens, starting and ending with a letter or digit.";

    public static bool IsSlug(string? value) => value is { Length: >= 3 and <= 60 } && SlugPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

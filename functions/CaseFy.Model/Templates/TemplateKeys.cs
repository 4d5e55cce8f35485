using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>The shape of every key in a template (stages, documents, tasks, options, outcomes): URL-safe and short.</summary>
public static partial class TemplateKeys
{
    public const string Rule = "A key is 1-40 lowercase letters, digits or '-', starting with a letter.";

    /// <summary>The role every case has: its owner.</summary>
    public const string OwnerRole = "owner";

    public static bool IsKey(string? value) => value is not null && KeyPattern().IsMatch(value);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}

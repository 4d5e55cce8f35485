using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>Case numbers people say aloud: the template's prefix and the case's place in its template, <c>ONB-0042</c>.</summary>
public static partial class CaseNumbers
{
    public const string PrefixRule = "A prefix is 2-6 capital letters (A-Z), e.g. ONB.";

    public static bool IsPrefix(string? value) => value is not null && PrefixPattern().IsMatch(value);

    /// <summary>The number as shown: at least four digits (<c>ONB-0042</c>, <c>ONB-12345</c>).</summary>
    public static string Format(string prefix, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{sequence:D4}");

    /// <summary>Whether a value has the shape of a case number.</summary>
    public static bool IsNumber(string? value) => value is not null && NumberPattern().IsMatch(value);

    [GeneratedRegex("^[A-Z]{2,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();

    [GeneratedRegex("^[A-Z]{2,6}-[0-9]{4,18}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}

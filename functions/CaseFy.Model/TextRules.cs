using System.Globalization;
using System.Text;

namespace CaseFy.Model;

/// <summary>
/// Shared rules for free text people type: present (with at least one visible character), bounded, no control
/// characters; names lose bidirectional controls.
/// </summary>
public static class TextRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxReasonLength = 2000;

    public static void RequireText(ValidationErrors errors, string path, string? value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "This field is required.");
            return;
        }

        // Zero-width characters and bidi controls alone render blank: a title or name nobody can see or click.
        if (!value.EnumerateRunes().Any(IsVisible))
        {
            errors.Add(path, "This field needs at least one visible character.");
        }

        OptionalText(errors, path, value, maxLength);
    }

    public static void OptionalText(ValidationErrors errors, string path, string? value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(path, $"At most {maxLength} characters.");
        }

        // Control characters (other than line breaks and tabs in long text) have no business in names or reasons.
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(path, "Control characters are not allowed.");
        }
    }

    /// <summary>
    /// <paramref name="name"/> without bidirectional embeddings, overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069), which reorder what follows them: "Eve\u202Egnp.exe" would read "Eveexe.png".
    /// </summary>
    public static string WithoutBidiControls(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Any(IsBidiControl) ? string.Concat(name.Where(c => !IsBidiControl(c))) : name;
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    // Letters, digits, punctuation, symbols; not spaces, controls, format characters (zero-width, bidi), lone marks,
    // unassigned code points, or the letters that render as blanks (Hangul fillers, the blank braille pattern).
    private static bool IsVisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
        && rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800);
}

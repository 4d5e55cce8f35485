using System.Globalization;
using System.Text;

namespace CaseFy.Model;

/// <summary>
/// Makes a client-supplied file name safe to keep and show: no folders, no control or invisible formatting
/// characters (which can make <c>invoice‮fdp.exe</c> look like <c>invoiceexe.pdf</c>), bounded length.
/// The result is only ever metadata: storage names never come from a client.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;
    public const string Fallback = "file";

    /// <summary>The safe form of <paramref name="name"/>; <see cref="Fallback"/> when nothing usable remains.</summary>
    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        // Keep the last path segment, whichever separator the client's system uses.
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        var segment = lastSeparator >= 0 ? name[(lastSeparator + 1)..] : name;

        var builder = new StringBuilder(segment.Length);
        foreach (var rune in segment.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        // Leading/trailing dots and spaces make hidden files, "..", or names Windows refuses.
        var cleaned = builder.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length == 0)
        {
            return Fallback;
        }

        return cleaned.Length <= MaxLength ? cleaned : Shorten(cleaned);
    }

    // Keeps the extension (up to 20 characters) and never cuts a surrogate pair in half.
    private static string Shorten(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 20 ? name[dot..] : string.Empty;
        var stem = name[..(name.Length - extension.Length)];
        var keep = MaxLength - extension.Length;
        if (char.IsHighSurrogate(stem[keep - 1]))
        {
            keep--;
        }

        return stem[..keep].TrimEnd() + extension;
    }
}

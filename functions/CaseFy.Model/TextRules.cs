namespace CaseFy.Model;

/// <summary>Shared rules for free text people type: present, bounded, no control characters.</summary>
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
}

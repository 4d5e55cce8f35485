namespace CaseFy.Model.Templates;

/// <summary>Bounds on fields and their values that keep a case's row well under Table Storage's 1 MiB entity limit.</summary>
public static class FieldLimits
{
    public const int MaxFields = 100;

    /// <summary>The most fields a board card shows (<c>cardFields</c>): a card is small.</summary>
    public const int MaxCardFields = 6;
    public const int MaxOptions = 50;
    public const int MaxOptionLength = 200;
    public const int MaxHelpLength = 1000;
    public const int MaxPatternLength = 500;

    /// <summary>The longest value a field of <paramref name="type"/> may hold; 0 for types that are not text.</summary>
    public static int MaxLength(FieldType type) => type switch
    {
        FieldType.Text => 1000,
        FieldType.LongText => 10_000,
        FieldType.Email => 254,
        FieldType.Phone => 32,
        FieldType.Url => 2000,
        _ => 0,
    };

    /// <summary>Whether a field of <paramref name="type"/> holds text (and so may have <c>maxLength</c> and <c>pattern</c>).</summary>
    public static bool IsText(FieldType type) => MaxLength(type) > 0;
}

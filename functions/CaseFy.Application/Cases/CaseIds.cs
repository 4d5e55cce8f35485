namespace CaseFy.Application.Cases;

/// <summary>Ids CaseFy issues: 32 lowercase hex digits. Anything else cannot name a stored record.</summary>
public static class CaseIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

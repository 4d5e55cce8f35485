using System.Net.Mail;

namespace CaseFy.Model;

/// <summary>What CaseFy takes as an e-mail address: a bare <c>name@example.com</c>, no display name, at most 254 characters.</summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value && string.IsNullOrEmpty(parsed.DisplayName);

    /// <summary>The domain of a valid address, lowercase.</summary>
    public static string DomainOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
    }
}

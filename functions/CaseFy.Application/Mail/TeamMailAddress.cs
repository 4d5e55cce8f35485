using System.Security.Claims;
using CaseFy.Model;

namespace CaseFy.Application.Mail;

/// <summary>
/// A team member's mail address, from their token: the <c>email</c> claim (optional in Entra ID tokens), else
/// <c>preferred_username</c> when it is an address (the sign-in name, usually the UPN). Anything else: no address.
/// </summary>
public static class TeamMailAddress
{
    public static string? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string?[] candidates = [user.FindFirstValue("email"), user.FindFirstValue(ClaimTypes.Email), user.FindFirstValue("preferred_username")];
        return candidates.FirstOrDefault(EmailAddresses.IsValid);
    }
}

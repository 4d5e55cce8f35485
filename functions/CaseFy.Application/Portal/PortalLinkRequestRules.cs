using CaseFy.Model;
using CaseFy.Model.Portal;

namespace CaseFy.Application.Portal;

/// <summary>Shape checks for a new portal link, before anything is read or written.</summary>
public static class PortalLinkRequestRules
{
    public const int MaxEmailLength = EmailAddresses.MaxLength;

    public static Dictionary<string, string[]> Validate(NewPortalLink request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.name", request.Name, TextRules.MaxNameLength);
        if (request.Email is not null && !EmailAddresses.IsValid(request.Email))
        {
            errors.Add("$.email", "An email address like name@example.com, or leave it out.");
        }

        var actions = request.Actions;
        if (actions is null || actions.Count == 0)
        {
            errors.Add("$.actions", "Give at least one of: view, upload, answer, message.");
        }
        else if (actions.Count > Enum.GetValues<PortalAction>().Length || actions.Distinct().Count() != actions.Count || actions.Any(a => !Enum.IsDefined(a)))
        {
            errors.Add("$.actions", "Each of view, upload, answer, message at most once.");
        }

        if (request.ExpiresInDays is < 1 or > PortalLinkRules.MaxExpiryDays)
        {
            errors.Add("$.expiresInDays", $"From 1 to {PortalLinkRules.MaxExpiryDays} days (default {PortalLinkRules.DefaultExpiryDays}).");
        }

        return errors.ToDictionary();
    }
}

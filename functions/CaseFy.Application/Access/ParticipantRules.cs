using CaseFy.Model;
using CaseFy.Model.Access;

namespace CaseFy.Application.Access;

/// <summary>Shape checks for participant requests: an Entra object id (a GUID), a name, and for participants a role.</summary>
public static class ParticipantRules
{
    public static Dictionary<string, string[]> Validate(NewParticipant request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request.Id, request.Name);
        if (request.Role is not (ParticipantRole.Member or ParticipantRole.Viewer))
        {
            errors.Add("$.role", "The role is 'member' or 'viewer' (change the owner with PUT .../owner).");
        }

        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(NewOwner request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Validate(request.Id, request.Name).ToDictionary();
    }

    /// <summary>The canonical form of an object id (lowercase, hyphenated), or <see langword="null"/> when it is not one.</summary>
    public static string? NormalizeId(string? id) =>
        id is { Length: <= 64 } && Guid.TryParseExact(id, "D", out var guid) ? guid.ToString("D") : null;

    private static ValidationErrors Validate(string? id, string? name)
    {
        var errors = new ValidationErrors();
        if (NormalizeId(id) is null)
        {
            errors.Add("$.id", "The person's Entra object id (a GUID like 00000000-0000-0000-0000-000000000000) is required.");
        }

        TextRules.RequireText(errors, "$.name", name, TextRules.MaxNameLength);
        return errors;
    }
}

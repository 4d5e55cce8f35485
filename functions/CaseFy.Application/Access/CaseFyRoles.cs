using System.Security.Claims;
using CaseFy.Model.Access;

namespace CaseFy.Application.Access;

/// <summary>The Entra ID app roles (the <c>roles</c> claim) CaseFy knows, and how to read them from a signed-in user.</summary>
public static class CaseFyRoles
{
    public const string Admin = "CaseFy.Admin";
    public const string Member = "CaseFy.Member";
    public const string Viewer = "CaseFy.Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Member, Viewer];

    // Identity.Web may or may not map "roles" to ClaimTypes.Role depending on the token handler: accept both.
    private static readonly string[] RoleClaimTypes = ["roles", ClaimTypes.Role];

    /// <summary>The app roles <paramref name="user"/> holds; <see cref="AppRoles.None"/> when not signed in.</summary>
    public static AppRoles Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return AppRoles.None;
        }

        var roles = AppRoles.None;
        foreach (var claim in user.Claims.Where(c => RoleClaimTypes.Contains(c.Type, StringComparer.Ordinal)))
        {
            roles |= claim.Value switch
            {
                Admin => AppRoles.Admin,
                Member => AppRoles.Member,
                Viewer => AppRoles.Viewer,
                _ => AppRoles.None,
            };
        }

        return roles;
    }
}

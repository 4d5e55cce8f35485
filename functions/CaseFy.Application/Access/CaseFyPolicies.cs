using CaseFy.Model.Access;
using Microsoft.AspNetCore.Authorization;

namespace CaseFy.Application.Access;

/// <summary>
/// The authorization policies, one per kind of route. They are evaluated by the handlers themselves
/// (<see cref="RequestAccess"/>), so each route's rule reads next to its handler and answers with the API's own
/// problem details.
/// </summary>
public static class CaseFyPolicies
{
    /// <summary>Read cases, timelines, templates: any CaseFy role.</summary>
    public const string Read = "CaseFy.Read";

    /// <summary>Open and work cases: members and admins.</summary>
    public const string Work = "CaseFy.Work";

    /// <summary>Templates and everything else: admins.</summary>
    public const string Admin = "CaseFy.Admin";

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Read, RequireAny(AppRoles.Admin | AppRoles.Member | AppRoles.Viewer));
        options.AddPolicy(Work, RequireAny(AppRoles.Admin | AppRoles.Member));
        options.AddPolicy(Admin, RequireAny(AppRoles.Admin));
    }

    private static AuthorizationPolicy RequireAny(AppRoles roles) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => (CaseFyRoles.Of(context.User) & roles) != 0)
            .Build();
}

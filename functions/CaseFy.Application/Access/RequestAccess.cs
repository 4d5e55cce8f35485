using CaseFy.Application.Apis;
using CaseFy.Application.Cases;
using CaseFy.Model.Access;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Application.Access;

/// <summary>
/// The access checks every handler starts with (both hosts authenticate in the one pipeline,
/// <see cref="Http.CaseFyHttpPipeline"/>; the rules live here, next to the handlers, not in endpoint metadata).
/// <list type="bullet">
/// <item>no valid token → 401; a role the route's policy refuses → 403;</item>
/// <item>a case the caller does not take part in (and is not admin) → 404, as if it did not exist;</item>
/// <item>a case they take part in but may not act on this way → 403.</item>
/// </list>
/// </summary>
public static class RequestAccess
{
    /// <summary>Checks a route policy (<see cref="CaseFyPolicies"/>).</summary>
    /// <returns>The problem to answer with, or <see langword="null"/> when allowed.</returns>
    public static async Task<IResult?> RequireAsync(HttpContext context, string policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return ApiProblems.Unauthorized();
        }

        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(context.User, policy);
        return result.Succeeded ? null : ApiProblems.Forbidden();
    }

    /// <summary>Reads a case and checks the caller may act on it at <paramref name="needed"/>.</summary>
    public static async Task<CaseAccess> ToCaseAsync(
        HttpContext context, string caseId, ICaseStore cases, CaseAccessLevel needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cases);
        var problem = await RequireAsync(context, needed == CaseAccessLevel.Read ? CaseFyPolicies.Read : CaseFyPolicies.Work);
        if (problem is not null)
        {
            return new(null, problem);
        }

        var found = CaseIds.IsWellFormed(caseId) ? await cases.GetAsync(caseId, cancellationToken) : null;
        var level = found is null
            ? CaseAccessLevel.None
            : CaseAccessRules.LevelFor(CaseFyRoles.Of(context.User), RequestActor.Of(context).Id, found);
        if (level == CaseAccessLevel.None)
        {
            return new(null, ApiProblems.NotFound("case"));
        }

        return level < needed ? new(null, ApiProblems.Forbidden()) : new(found, null);
    }

    /// <summary>Whether the caller may see <paramref name="record"/> in a list (admins see all, others their own cases).</summary>
    public static bool CanSee(HttpContext context, Model.Cases.CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CaseAccessRules.LevelFor(CaseFyRoles.Of(context.User), RequestActor.Of(context).Id, record) != CaseAccessLevel.None;
    }
}

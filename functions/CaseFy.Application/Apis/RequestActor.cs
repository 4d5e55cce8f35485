using System.Security.Claims;
using CaseFy.Model;
using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Apis;

/// <summary>Who is calling, for the timeline's <c>actor</c>.</summary>
public static class RequestActor
{
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static Actor Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Actor.Anonymous;
        }

        var id = user.FindFirstValue(ObjectIdClaim) ?? user.FindFirstValue("oid") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var name = user.FindFirstValue("name") ?? user.Identity.Name ?? id;
        return new Actor(id, TextRules.WithoutBidiControls(name));
    }
}

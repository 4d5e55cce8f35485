using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>
/// The caller's own mail setting (<c>/api/me/mail</c>): off (the default), immediate (a mail per notification) or a
/// daily digest, to the address their token carries. Every signed-in person reads and changes only their own.
/// </summary>
public static class MyMailApi
{
    public static IEndpointRouteBuilder MapMyMailApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Notifications");
        api.MapGet(ApiRoutes.MyMail, GetMyMailAsync).WithSummary("The caller's mail setting and the address it uses")
            .Produces<TeamMailSettingView>();
        api.MapPut(ApiRoutes.MyMail, SetMyMailAsync).WithSummary("Choose how the caller's notifications are mailed")
            .AcceptsJson<TeamMailSettingChange>()
            .Produces<TeamMailSettingView>().ProducesValidationProblem();
        return app;
    }

    public static async Task<IResult> GetMyMailAsync(HttpRequest request, TeamMailPreferences preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(preferences);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        var user = request.HttpContext.User;
        return TypedResults.Ok(await preferences.ReadAsync(RequestActor.Of(request.HttpContext).Id, TeamMailAddress.Of(user), cancellationToken));
    }

    public static async Task<IResult> SetMyMailAsync(HttpRequest request, TeamMailPreferences preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(preferences);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        var address = TeamMailAddress.Of(request.HttpContext.User);
        var body = await RequestBody.ReadValidAsync(
            request, RequestJsonContext.Default.TeamMailSettingChange, change => TeamMailPreferences.Validate(change, address), cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        return TypedResults.Ok(await preferences.ChangeAsync(
            RequestActor.Of(request.HttpContext).Id, address, body.Value!.Delivery!, cancellationToken));
    }
}

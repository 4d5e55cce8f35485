using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Notifications;
using CaseFy.Model;
using CaseFy.Model.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>
/// The caller's notifications inbox: a task assigned to them, a case handed to them, the outside party's uploads and
/// answers on their cases, SLA breaches, mentions. Written from the timeline by <see cref="InboxFeeder"/>; every route
/// here acts on the caller's own inbox only.
/// </summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Notifications");
        api.MapGet(ApiRoutes.Notifications, ListNotificationsAsync).WithSummary("The caller's notifications, newest first")
            .WithQuery(
            [
                new("unread", "true: only unread notifications; false (the default): all.") { Values = ["true", "false"] },
                .. Paging.Parameters,
            ])
            .Produces<Page<Notification>>().ProducesValidationProblem();
        api.MapGet(ApiRoutes.NotificationCount, CountUnreadAsync).WithSummary("How many of the caller's notifications are unread")
            .Produces<UnreadCount>();
        api.MapPost(ApiRoutes.NotificationRead, MarkReadAsync).WithSummary("Mark one notification read")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(ApiRoutes.NotificationsReadAll, MarkAllReadAsync).WithSummary("Mark every notification of the caller read")
            .Produces<MarkedRead>();
        return app;
    }

    public static async Task<IResult> ListNotificationsAsync(HttpRequest request, InboxService inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inbox);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        if (!Paging.TryRead(request, out var paging, out var problem))
        {
            return problem!;
        }

        var unread = request.Query["unread"];
        if (unread.Count > 1 || (unread.Count == 1 && unread[0] is not ("true" or "false")))
        {
            return ApiProblems.Invalid("unread", "unread is true or false.");
        }

        try
        {
            var me = RequestActor.Of(request.HttpContext).Id;
            return TypedResults.Ok(await inbox.ListAsync(
                me, CaseFyRoles.Of(request.HttpContext.User), unread.Count == 1 && unread[0] == "true", paging.ContinuationToken, paging.PageSize, cancellationToken));
        }
        catch (FormatException)
        {
            return ApiProblems.Invalid("continuationToken", "Pass back the continuationToken of the previous page.");
        }
    }

    public static async Task<IResult> CountUnreadAsync(HttpRequest request, InboxService inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inbox);
        return await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read)
            ?? TypedResults.Ok(new UnreadCount(await inbox.Store.CountUnreadAsync(RequestActor.Of(request.HttpContext).Id, cancellationToken)));
    }

    public static async Task<IResult> MarkReadAsync(string id, HttpRequest request, InboxService inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inbox);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        return await inbox.Store.MarkReadAsync(RequestActor.Of(request.HttpContext).Id, id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("notification");
    }

    public static async Task<IResult> MarkAllReadAsync(HttpRequest request, InboxService inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inbox);
        return await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read)
            ?? TypedResults.Ok(new MarkedRead(await inbox.Store.MarkAllReadAsync(RequestActor.Of(request.HttpContext).Id, cancellationToken)));
    }
}

using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Model.Events;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>The <c>/api/events</c> feed: every released lifecycle event in release order, for consumers that poll.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Events");
        api.MapGet(ApiRoutes.Events, GetEventsAsync).WithSummary("Released lifecycle events in release order (admins)")
            .WithQuery(
            [
                new("after", "The cursor of the previous page; leave it out to start at the beginning."),
                Paging.Parameters[0],
            ])
            .Produces<EventFeedPage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>Events after <c>after</c> (a cursor from an earlier page; omit it to start at the beginning).</summary>
    public static async Task<IResult> GetEventsAsync(HttpRequest request, IEventOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outbox);

        // Admins only: the feed carries every case's events.
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is { } denied)
        {
            return denied;
        }

        if (!Paging.TryRead(request, out var paging, out var problem))
        {
            return problem!;
        }

        var after = request.Query["after"];
        if (after.Count > 1 || (after.Count == 1 && string.IsNullOrEmpty(after[0])))
        {
            return ApiProblems.Invalid("after", "Pass the cursor of the previous page, or leave 'after' out to start at the beginning.");
        }

        try
        {
            return TypedResults.Ok(await outbox.ReadFeedAsync(after.Count == 1 ? after[0] : null, paging.PageSize, cancellationToken));
        }
        catch (FormatException)
        {
            return ApiProblems.Invalid("after", "Pass the cursor of the previous page, or leave 'after' out to start at the beginning.");
        }
    }
}

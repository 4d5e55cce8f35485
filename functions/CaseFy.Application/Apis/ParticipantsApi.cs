using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>
/// The <c>/api/cases/{id}/participants</c> and <c>/owner</c> routes: anyone who may read the case lists its
/// participants; its owner (or an admin) adds, removes and hands over ownership. Each change is on the timeline.
/// </summary>
public static class ParticipantsApi
{
    public static IEndpointRouteBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Participants");
        api.MapGet(ApiRoutes.CaseParticipants, ListParticipantsAsync).WithSummary("The case's people and their roles")
            .Produces<List<CaseParticipant>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(ApiRoutes.CaseParticipants, AddParticipantAsync).WithSummary("Add a participant, or change one's role")
            .AcceptsJson<NewParticipant>()
            .Produces<List<CaseParticipant>>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete(ApiRoutes.CaseParticipant, RemoveParticipantAsync).WithSummary("Remove a participant (their open tasks are unassigned)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut(ApiRoutes.CaseOwner, ChangeOwnerAsync).WithSummary("Hand the case to another owner")
            .AcceptsJson<NewOwner>()
            .Produces<List<CaseParticipant>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> ListParticipantsAsync(
        string id, HttpRequest request, ParticipantService participants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(participants);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, participants.Store, CaseAccessLevel.Read, cancellationToken);
        return access.Problem ?? TypedResults.Ok(access.Case!.Participants.ToList());
    }

    public static async Task<IResult> AddParticipantAsync(
        string id, HttpRequest request, ParticipantService participants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(participants);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, participants.Store, CaseAccessLevel.Manage, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var body = await RequestBody.ReadValidAsync(request, CaseFyJsonContext.Default.NewParticipant, ParticipantRules.Validate, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var participant = new CaseParticipant(
            ParticipantRules.NormalizeId(body.Value!.Id)!, body.Value.Name!.Trim(), body.Value.Role!.Value);
        return await ChangeAsync(() => participants.AddAsync(id, participant, RequestActor.Of(request.HttpContext), cancellationToken));
    }

    public static async Task<IResult> RemoveParticipantAsync(
        string id, string participantId, HttpRequest request, ParticipantService participants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(participants);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, participants.Store, CaseAccessLevel.Manage, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var normalized = ParticipantRules.NormalizeId(participantId);
        if (normalized is null || access.Case!.Participants.All(p => p.Id != normalized))
        {
            return ApiProblems.NotFound("participant");
        }

        var result = await ChangeAsync(() => participants.RemoveAsync(id, normalized, RequestActor.Of(request.HttpContext), cancellationToken));
        return result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } ? TypedResults.NoContent() : result;
    }

    public static async Task<IResult> ChangeOwnerAsync(
        string id, HttpRequest request, ParticipantService participants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(participants);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, participants.Store, CaseAccessLevel.Manage, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var body = await RequestBody.ReadValidAsync(request, CaseFyJsonContext.Default.NewOwner, ParticipantRules.Validate, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var ownerId = ParticipantRules.NormalizeId(body.Value!.Id)!;
        return await ChangeAsync(() => participants.ChangeOwnerAsync(
            id, ownerId, body.Value.Name!.Trim(), RequestActor.Of(request.HttpContext), cancellationToken));
    }

    private static async Task<IResult> ChangeAsync(Func<Task<CaseRecord?>> change)
    {
        try
        {
            var updated = await change();
            return updated is null ? ApiProblems.NotFound("case") : TypedResults.Ok(updated.Participants.ToList());
        }
        catch (CaseRuleException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
    }
}

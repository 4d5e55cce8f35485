using System.Text.Json.Serialization.Metadata;
using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>
/// The one shape of every case-work route: check the caller's access to the case (<c>needed</c>:
/// work by default, manage for owner/admin-only actions), read and check the body, apply a model rule through
/// <see cref="CaseService.ActAsync"/>, and answer with the case, a 404, a 409 or a 400 naming the field.
/// </summary>
public static class CaseAction
{
    /// <summary>
    /// Maps case-work routes: POST, a JSON body of the given type (optional or not), the case as the answer, a 400, 404
    /// or 409 problem otherwise.
    /// </summary>
    public static void MapEach(RouteGroupBuilder api, IEnumerable<(string Route, Delegate Handler, Type Body, bool Optional, string Summary)> routes)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var (route, handler, body, optional, summary) in routes)
        {
            api.MapPost(route, handler).WithSummary(summary).AcceptsJson(body, optional).Produces<CaseRecord>().ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }
    }

    /// <summary>Builds the rule from the body, the caller and the time.</summary>
    public delegate CaseChange? Rule<in TBody>(CaseRecord current, CaseTemplate template, TBody body, Actor actor, DateTimeOffset now);

    public static async Task<IResult> RunAsync<TBody>(
        string id,
        HttpRequest request,
        JsonTypeInfo<TBody> bodyType,
        Func<TBody, Dictionary<string, string[]>> validate,
        Rule<TBody> rule,
        string action,
        CaseService cases,
        ICaseEngine engine,
        TBody? emptyBody = null,
        CaseAccessLevel needed = CaseAccessLevel.Work)
        where TBody : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(cases);
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, cases.Store, needed, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var read = await RequestBody.ReadAsync(request, bodyType, optional: emptyBody is not null, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var body = read.Value ?? emptyBody!;
        var errors = validate(body);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var actor = RequestActor.Of(request.HttpContext);
        try
        {
            var updated = await cases.ActAsync(id, action, (c, t, now) => rule(c, t, body, actor, now), engine, access.Case, cancellationToken);
            return updated is null ? ApiProblems.NotFound("case") : TypedResults.Ok(updated);
        }
        catch (CaseRuleException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
        catch (CaseItemMissingException ex)
        {
            return ex.Message switch
            {
                "option" => ApiProblems.Invalid("$.option", "The stage's decision has no such option."),
                "stage" => ApiProblems.Invalid("$.stage", "The case's template has no such stage."),
                TaskRules.AssigneeItem => ApiProblems.Invalid("$.assignee.id", "A task goes only to someone who takes part in the case: add them as a participant first."),
                _ => ApiProblems.NotFound(ex.Message),
            };
        }
    }
}

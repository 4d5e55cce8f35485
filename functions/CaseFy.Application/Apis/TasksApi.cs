using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>Tasks: ad-hoc tasks on a case, assign, due time, complete, reopen, and a person's open tasks across cases.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Tasks");
        CaseAction.MapEach(api,
        [
            (ApiRoutes.CaseTasks, AddTaskAsync, typeof(NewTask), false, "Add an ad-hoc task to the case's current stage"),
            (ApiRoutes.TaskAssign, AssignTaskAsync, typeof(AssignTask), false, "Assign a task to a participant or a role"),
            (ApiRoutes.TaskDue, SetTaskDueAsync, typeof(SetTaskDue), false, "Set or clear a task's due time"),
            (ApiRoutes.TaskComplete, CompleteTaskAsync, typeof(CompleteTask), true, "Complete a task"),
            (ApiRoutes.TaskReopen, ReopenTaskAsync, typeof(ReasonRequest), true, "Reopen a completed task"),
        ]);

        api.MapGet(ApiRoutes.Tasks, ListTasksAsync).WithSummary("A person's open tasks across cases")
            .WithQuery(
            [
                new("assignee", "'me', or a person's id (another person's tasks: admins only).") { MaxLength = 200 },
                new("status", "Only open tasks are listed: open (the default).") { Values = ["open"] },
                .. Paging.Parameters,
            ])
            .Produces<Page<TaskSummary>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static Task<IResult> AddTaskAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, CaseFyJsonContext.Default.NewTask, CaseWorkRules.Validate,
            (c, _, body, actor, now) => TaskRules.Add(c, body, actor, now), "task-added", cases, engine);

    public static Task<IResult> AssignTaskAsync(string id, string taskId, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.AssignTask, CaseWorkRules.Validate,
            (c, _, body, actor, now) => TaskRules.Assign(c, taskId, body.Assignee, body.Role, actor, now), "task-assigned", cases, engine);

    public static Task<IResult> SetTaskDueAsync(string id, string taskId, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.SetTaskDue, _ => [],
            (c, _, body, actor, now) => TaskRules.SetDue(c, taskId, body.DueAt, actor, now), "task-due", cases, engine);

    public static Task<IResult> CompleteTaskAsync(string id, string taskId, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.CompleteTask, CaseWorkRules.Validate,
            (c, _, body, actor, now) => TaskRules.Complete(c, taskId, body.Note, actor, now), "task-completed", cases, engine,
            emptyBody: new CompleteTask(Note: null));

    public static Task<IResult> ReopenTaskAsync(string id, string taskId, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.ReasonRequest, CaseWorkRules.Validate,
            (c, _, body, actor, now) => TaskRules.Reopen(c, taskId, body.Reason, actor, now), "task-reopened", cases, engine,
            emptyBody: new ReasonRequest(Reason: null));

    /// <summary>
    /// <c>GET /api/tasks?assignee=me&amp;status=open</c>: open tasks assigned to a person across cases (<c>me</c> is the
    /// caller), from the task index (eventually consistent: updated right after each case change). Only admins may
    /// list someone else's tasks: the list names cases the caller might not take part in.
    /// </summary>
    public static async Task<IResult> ListTasksAsync(HttpRequest request, ICaseStore cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        if (!Paging.TryRead(request, out var paging, out var problem))
        {
            return problem!;
        }

        var status = request.Query["status"];
        if (status.Count > 1 || (status.Count == 1 && status[0] != "open"))
        {
            return ApiProblems.Invalid("status", "Only open tasks are listed: status=open (the default).");
        }

        var assignee = request.Query["assignee"];
        if (assignee.Count != 1 || string.IsNullOrWhiteSpace(assignee[0]) || assignee[0]!.Length > 200)
        {
            return ApiProblems.Invalid("assignee", "Give assignee=me or a person's id.");
        }

        var me = RequestActor.Of(request.HttpContext).Id;
        var assigneeId = assignee[0] == "me" ? me : assignee[0]!;
        if (assigneeId != me && await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is { } notAdmin)
        {
            return notAdmin;
        }

        try
        {
            return TypedResults.Ok(await cases.ListOpenTasksAsync(assigneeId, paging.ContinuationToken, paging.PageSize, cancellationToken));
        }
        catch (FormatException)
        {
            return ApiProblems.Invalid("continuationToken", "Pass back the continuationToken of the previous page.");
        }
    }
}

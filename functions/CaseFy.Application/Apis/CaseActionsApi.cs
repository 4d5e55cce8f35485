using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>
/// Decisions and the flexibility actions: move to any stage, hold, resume, close early, reopen, comment. Moving, closing
/// and reopening are the owner's (or an admin's) calls; the rest is work any working participant may do.
/// </summary>
public static class CaseActionsApi
{
    public static IEndpointRouteBuilder MapCaseActionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Case actions");
        CaseAction.MapEach(api,
        [
            (ApiRoutes.CaseDecision, RecordDecisionAsync, typeof(RecordDecision), false, "Record the stage's decision"),
            (ApiRoutes.CaseMove, MoveAsync, typeof(MoveCase), false, "Move the case to any stage (owner or admin)"),
            (ApiRoutes.CaseHold, HoldAsync, typeof(ReasonRequest), true, "Put the case on hold: it does not advance, nothing is marked overdue"),
            (ApiRoutes.CaseResume, ResumeAsync, typeof(ReasonRequest), true, "Take the case off hold"),
            (ApiRoutes.CaseClose, CloseAsync, typeof(CloseCase), false, "Close the case early (owner or admin)"),
            (ApiRoutes.CaseReopen, ReopenAsync, typeof(ReasonRequest), true, "Reopen a closed case in the stage it closed in (owner or admin)"),
            (ApiRoutes.CaseComments, CommentAsync, typeof(NewComment), false, "Add a comment to the timeline"),
        ]);

        return app;
    }

    public static Task<IResult> RecordDecisionAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.RecordDecision, CaseWorkRules.Validate,
            (c, t, body, actor, now) => DecisionRules.Record(c, t, body.Option!, body.Rationale, actor, now), "decision", cases, engine);

    public static Task<IResult> MoveAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.MoveCase, CaseWorkRules.Validate,
            (c, t, body, actor, now) => CaseFlexibility.Move(c, t, body.Stage!, body.Reason!, actor, now), "move", cases, engine,
            needed: CaseAccessLevel.Manage);

    public static Task<IResult> HoldAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.ReasonRequest, CaseWorkRules.Validate,
            (c, _, body, actor, now) => CaseFlexibility.Hold(c, body.Reason, actor, now), "hold", cases, engine,
            emptyBody: new ReasonRequest(Reason: null));

    public static Task<IResult> ResumeAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.ReasonRequest, CaseWorkRules.Validate,
            (c, _, body, actor, now) => CaseFlexibility.Resume(c, body.Reason, actor, now), "resume", cases, engine,
            emptyBody: new ReasonRequest(Reason: null));

    public static Task<IResult> CloseAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.CloseCase, CaseWorkRules.Validate,
            (c, _, body, actor, now) => CaseFlexibility.Close(c, body.Reason!, body.Outcome, actor, now), "close", cases, engine,
            needed: CaseAccessLevel.Manage);

    public static Task<IResult> ReopenAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.ReasonRequest, CaseWorkRules.Validate,
            (c, t, body, actor, now) => CaseFlexibility.Reopen(c, t, body.Reason, actor, now), "reopen", cases, engine,
            emptyBody: new ReasonRequest(Reason: null), needed: CaseAccessLevel.Manage);

    public static Task<IResult> CommentAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.NewComment, CaseWorkRules.Validate,
            (c, _, body, actor, now) => CaseFlexibility.Comment(c, body.Text!, actor, now), "comment", cases, engine);
}

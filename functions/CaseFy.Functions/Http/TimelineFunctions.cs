using CaseFy.Application.Apis;
using CaseFy.Application.Timeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="TimelineApi"/> routes as HTTP triggers.</summary>
public sealed class TimelineFunctions(TimelineService timelines)
{
    [Function("VerifyCaseTimeline")]
    public async Task<IActionResult> VerifyTimelineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseTimelineVerify)] HttpRequest req, string id) =>
        (await TimelineApi.VerifyTimelineAsync(id, req, timelines, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("ExportCaseTimeline")]
    public async Task<IActionResult> ExportTimelineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseTimelineExport)] HttpRequest req, string id) =>
        (await TimelineApi.ExportTimelineAsync(id, req, timelines, req.HttpContext.RequestAborted)).ToActionResult();
}

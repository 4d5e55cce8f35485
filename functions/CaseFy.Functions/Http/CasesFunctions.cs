using CaseFy.Application.Apis;
using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Application.Timeline;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="CasesApi"/> routes as HTTP triggers.</summary>
public sealed class CasesFunctions(CaseService cases, ICaseStore store, TimelineService timelines)
{
    [Function("OpenCase")]
    public async Task<IActionResult> OpenCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Cases)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        (await CasesApi.OpenCaseAsync(req, cases, new DurableCaseEngine(client), req.HttpContext.RequestAborted)).ToActionResult();

    [Function("ListCases")]
    public async Task<IActionResult> ListCasesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Cases)] HttpRequest req) =>
        (await CasesApi.ListCasesAsync(req, store, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("GetCase")]
    public async Task<IActionResult> GetCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Case)] HttpRequest req, string id) =>
        (await CasesApi.GetCaseAsync(id, req, store, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("AdvanceCase")]
    public async Task<IActionResult> AdvanceCaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseAdvance)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await CasesApi.AdvanceCaseAsync(id, req, cases, new DurableCaseEngine(client), req.HttpContext.RequestAborted)).ToActionResult();

    [Function("GetCaseTimeline")]
    public async Task<IActionResult> GetTimelineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseTimeline)] HttpRequest req, string id) =>
        (await CasesApi.GetTimelineAsync(id, req, timelines, req.HttpContext.RequestAborted)).ToActionResult();
}

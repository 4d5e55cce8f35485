using CaseFy.Application.Apis;
using CaseFy.Application.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="ReportsApi"/> routes as HTTP triggers.</summary>
public sealed class ReportsFunctions(BoardService boards, MetricsService metrics)
{
    [Function("GetTemplateBoard")]
    public async Task<IActionResult> GetBoardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TemplateBoard)] HttpRequest req, string id) =>
        (await ReportsApi.GetBoardAsync(id, req, boards, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("GetTemplateMetrics")]
    public async Task<IActionResult> GetMetricsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TemplateMetrics)] HttpRequest req, string id) =>
        (await ReportsApi.GetMetricsAsync(id, req, metrics, req.HttpContext.RequestAborted)).ToActionResult();
}

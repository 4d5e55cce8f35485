using CaseFy.Application.Apis;
using CaseFy.Application.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="MetricsApi"/> route as an HTTP trigger.</summary>
public sealed class MetricsFunctions(MetricsService metrics)
{
    [Function("GetTemplateMetrics")]
    public async Task<IActionResult> GetMetricsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TemplateMetrics)] HttpRequest req, string id) =>
        (await MetricsApi.GetMetricsAsync(id, req, metrics, req.HttpContext.RequestAborted)).ToActionResult();
}

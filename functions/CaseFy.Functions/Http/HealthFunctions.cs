using CaseFy.Application.Apis;
using CaseFy.Application.Engine;
using CaseFy.Application.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="HealthApi"/> routes as HTTP triggers.</summary>
public sealed class HealthFunctions(HealthService health)
{
    [Function("GetHealth")]
    public async Task<IActionResult> GetHealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        (await HealthApi.GetHealthAsync(health, new DurableCaseEngine(client), req.HttpContext.RequestAborted)).ToActionResult();
}

using CaseFy.Application.Apis;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="EventsApi"/> routes as HTTP triggers.</summary>
public sealed class EventsFunctions(IEventOutbox outbox)
{
    [Function("GetEvents")]
    public async Task<IActionResult> GetEventsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Events)] HttpRequest req) =>
        (await EventsApi.GetEventsAsync(req, outbox, req.HttpContext.RequestAborted)).ToActionResult();
}

using CaseFy.Application.Apis;
using CaseFy.Application.Engine;
using CaseFy.Application.Events;
using CaseFy.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="EventGridWebhookApi"/> routes as HTTP triggers (anonymous: the shared secret protects them).</summary>
public sealed class EventGridWebhookFunctions(
    IOptions<EventsOptions> events, IOptions<StorageOptions> storage, IDocumentUploadRecorder recorder)
{
    [Function("ReceiveEventGridEvents")]
    public async Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.EventGridWebhook)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        (await EventGridWebhookApi.ReceiveAsync(req, events, storage, recorder, new DurableCaseEngine(client), req.HttpContext.RequestAborted)).ToActionResult();

    [Function("AllowEventGridOrigin")]
    public IActionResult AllowOrigin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = ApiRoutes.EventGridWebhook)] HttpRequest req) =>
        EventGridWebhookApi.AllowOrigin(req, events).ToActionResult();
}

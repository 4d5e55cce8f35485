using CaseFy.Application.Apis;
using CaseFy.Application.Events;
using CaseFy.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="EventGridWebhookApi"/> routes as HTTP triggers (anonymous: the shared secret protects them).</summary>
public sealed class EventGridWebhookFunctions(
    IOptions<EventsOptions> events, IOptions<StorageOptions> storage, IDocumentUploadRecorder recorder)
{
    [Function("ReceiveEventGridEvents")]
    public async Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.EventGridWebhook)] HttpRequest req) =>
        (await EventGridWebhookApi.ReceiveAsync(req, events, storage, recorder, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("AllowEventGridOrigin")]
    public IActionResult AllowOrigin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = ApiRoutes.EventGridWebhook)] HttpRequest req) =>
        EventGridWebhookApi.AllowOrigin(req, events).ToActionResult();
}

using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Engine;
using CaseFy.Application.Events;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Apis;

/// <summary>
/// <c>/api/events/eventgrid</c>: where Event Grid delivers Blob Storage's <c>BlobCreated</c> events for documents
/// uploaded with a SAS URL. No sign-in (Event Grid cannot get one): the shared secret in the
/// <see cref="InboundSecret.HeaderName"/> header protects it.
/// </summary>
public static class EventGridWebhookApi
{
    /// <summary>Event Grid batches at most 1 MB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string SecretDescription = "The shared secret of the Event Grid subscription (a delivery attribute marked secret).";

    public static IEndpointRouteBuilder MapEventGridWebhookApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Events");
        api.MapPost(ApiRoutes.EventGridWebhook, ReceiveAsync).AllowAnonymous().WithName("receiveEventGridDelivery")
            .WithRequestHeader(InboundSecret.HeaderName, SecretDescription)
            .Accepts<System.Text.Json.JsonElement>("application/json", "application/cloudevents-batch+json", "application/cloudevents+json")
            .Produces<SubscriptionValidationResponse>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapMethods(ApiRoutes.EventGridWebhook, [HttpMethods.Options], AllowOrigin).AllowAnonymous().WithName("allowEventGridOrigin")
            .WithRequestHeader(InboundSecret.HeaderName, SecretDescription)
            .WithRequestHeader("WebHook-Request-Origin", "The origin asking to deliver (the CloudEvents handshake).")
            .Produces(StatusCodes.Status200OK)
            .WithResponseHeader(StatusCodes.Status200OK, "WebHook-Allowed-Origin", "The origin allowed to deliver.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>
    /// A delivery: answers the Event Grid schema's validation event with its code (synchronously, so the
    /// validation URL is never needed), records each document BlobCreated event, and ignores everything else.
    /// </summary>
    public static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        IOptions<EventsOptions> events,
        IDocumentStore documents,
        IDocumentUploadRecorder recorder,
        ICaseEngine engine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(recorder);
        if (!InboundSecret.Matches(events.Value.InboundSecret, request.Headers[InboundSecret.HeaderName]))
        {
            return ApiProblems.WrongSecret();
        }

        // Event Grid posts application/json, CloudEvents batches application/cloudevents-batch+json: anything else is
        // not a delivery, whatever the bytes look like.
        if (!request.HasJsonContentType())
        {
            return ApiProblems.UnsupportedMediaType();
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ApiProblems.TooLarge(MaxBytes);
        }

        InboundEventBatch batch;
        try
        {
            batch = InboundEventBatch.Parse(body, documents.ContainerName);
        }
        catch (FormatException)
        {
            return ApiProblems.Invalid("$", "The body is not an Event Grid delivery (Event Grid or CloudEvents 1.0 schema).");
        }

        if (batch.ValidationCode is not null)
        {
            return TypedResults.Ok(new SubscriptionValidationResponse(batch.ValidationCode));
        }

        // One at a time, in delivery order. A failure answers 5xx, so Event Grid delivers the batch again; the
        // uploads recorded before it are then recognised by their blob names and not recorded twice.
        foreach (var upload in batch.Uploads)
        {
            await recorder.RecordAsync(upload, confirmedBy: null, engine, cancellationToken);
        }

        return TypedResults.Ok();
    }

    /// <summary>The CloudEvents schema's abuse-protection handshake: allow the origin that asks.</summary>
    public static IResult AllowOrigin(HttpRequest request, IOptions<EventsOptions> events)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        if (!InboundSecret.Matches(events.Value.InboundSecret, request.Headers[InboundSecret.HeaderName]))
        {
            return ApiProblems.WrongSecret();
        }

        var origin = request.Headers["WebHook-Request-Origin"].ToString();
        if (string.IsNullOrWhiteSpace(origin) || origin.Length > 255)
        {
            return ApiProblems.Invalid("WebHook-Request-Origin", "The CloudEvents validation request names no origin.");
        }

        request.HttpContext.Response.Headers["WebHook-Allowed-Origin"] = origin;
        request.HttpContext.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return TypedResults.Ok();
    }

    private static async Task<BinaryData?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return BinaryData.FromBytes(buffer.ToArray());
    }
}

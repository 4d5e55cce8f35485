using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFy.Model.Cases;
using CaseFy.Telemetry;
using Microsoft.Extensions.Options;

namespace CaseFy.Orchestration;

/// <summary>
/// Delivers one webhook attempt: HTTP POST of a JSON body, signed with
/// <c>X-CaseFy-Signature: sha256={hex HMAC-SHA256 of the body with the secret}</c>, and a stable
/// <c>X-CaseFy-Delivery</c> id so receivers can de-duplicate (delivery is at-least-once).
/// </summary>
/// <remarks>
/// Connections go through <see cref="WebhookConnector"/>. The outcome is deliberately coarse
/// (<see cref="Delivered"/>, <see cref="RefusedByReceiver"/>, <see cref="Unreachable"/>): a template author must not
/// learn from the timeline which internal hosts or ports answer (a refused address, a closed port, a timeout and a TLS
/// failure all read "unreachable").
/// </remarks>
public sealed class WebhookSender(HttpClient http, IOptions<WebhookOptions> options)
{
    public const string SignatureHeader = "X-CaseFy-Signature";
    public const string DeliveryHeader = "X-CaseFy-Delivery";
    public const string Delivered = "delivered";
    public const string RefusedByReceiver = "refused by receiver";
    public const string Unreachable = "unreachable";

    /// <summary>One attempt; never throws for a failed delivery.</summary>
    /// <returns>Whether a 2xx came back, and the coarse outcome.</returns>
    public async Task<(bool Delivered, string Outcome)> SendAsync(
        string url, string? secret, string deliveryId, CaseRecord current, string phase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var body = Body(deliveryId, current, phase, now);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, deliveryId);
        if (secret is not null)
        {
            request.Headers.Add(SignatureHeader, Sign(body, secret));
        }

        using var timeout = new CancellationTokenSource(options.Value.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            // A redirect is not followed (it could point inside): like any other non-2xx, the receiver refused it.
            return response.IsSuccessStatusCode ? (true, Delivered) : Failed(RefusedByReceiver);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return Failed(Unreachable);
        }
    }

    private static (bool Delivered, string Outcome) Failed(string outcome)
    {
        CaseFyMetrics.RecordWebhookFailure();
        return (false, outcome);
    }

    /// <summary>The signature header value for a body.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static byte[] Body(string deliveryId, CaseRecord current, string phase, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deliveryId", deliveryId);
            json.WriteString("phase", phase);
            json.WriteString("at", now.UtcDateTime);
            json.WriteString("caseId", current.Id);
            json.WriteString("title", current.Title);
            json.WriteString("templateId", current.TemplateId);
            json.WriteNumber("templateVersion", current.TemplateVersion);
            json.WriteString("stage", current.CurrentStage.Key);
            json.WriteString("status", current.Status switch
            {
                CaseStatus.Closed => "closed",
                CaseStatus.OnHold => "onHold",
                _ => "open",
            });
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

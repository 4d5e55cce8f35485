using System.Globalization;
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
public sealed class WebhookSender(HttpClient http, IOptions<WebhookOptions> options)
{
    public const string SignatureHeader = "X-CaseFy-Signature";
    public const string DeliveryHeader = "X-CaseFy-Delivery";

    /// <summary>One attempt; never throws for a failed delivery.</summary>
    /// <returns>The HTTP status, or <see langword="null"/> when no answer came; and a short description.</returns>
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
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return response.IsSuccessStatusCode ? (true, $"delivered ({status})") : Failed($"answered {status}");
        }
        catch (HttpRequestException ex)
        {
            return Failed($"unreachable ({ex.HttpRequestError})");
        }
        catch (OperationCanceledException)
        {
            return Failed("timed out");
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

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using MimeKit;

namespace CaseFy.Application.Mail;

/// <summary>
/// Sends through Azure Communication Services Email's REST API (<c>POST {endpoint}/emails:send</c>) with a bearer
/// token for <see cref="Scope"/> from <paramref name="credential"/> (the app's managed identity in Azure: no keys).
/// The <c>Operation-Id</c> header is derived from the delivery id, so a retried send is the same operation for ACS.
/// ("./" before the path: a relative "emails:send" would read as a URI of scheme "emails".)
/// </summary>
/// <param name="http">The client; its base address is not used (<paramref name="endpoint"/> is).</param>
/// <param name="credential">Where tokens come from (<c>DefaultAzureCredential</c> / managed identity in Azure).</param>
/// <param name="endpoint">The communication service's endpoint, e.g. <c>https://name.communication.azure.com</c>.</param>
public sealed class AcsEmailSender(HttpClient http, TokenCredential credential, Uri endpoint) : IMailSender
{
    /// <summary>The token scope of the Communication Services data plane.</summary>
    public const string Scope = "https://communication.azure.com/.default";

    /// <summary>The REST API version this sender speaks.</summary>
    public const string ApiVersion = "2023-03-31";

    /// <inheritdoc/>
    public async Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, $"./emails:send?api-version={ApiVersion}"))
        {
            Content = new StringContent(BodyOf(message).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        request.Headers.Add("Operation-Id", OperationIdOf(deliveryId).ToString());

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new MailDeliveryException("Azure Communication Services Email could not be reached.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // The response body is not logged: it may echo addresses.
                var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
                throw new MailDeliveryException($"Azure Communication Services Email answered {(int)response.StatusCode}.", transient);
            }
        }
    }

    /// <summary>The <c>Operation-Id</c> of a delivery: a GUID taken from the SHA-256 of its id, the same on every retry.</summary>
    public static Guid OperationIdOf(string deliveryId)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)).AsSpan(0, 16));
    }

    // The emails:send body: the sender, the "to" recipients, subject and text (and HTML when the message has one).
    private static JsonObject BodyOf(MimeMessage message)
    {
        var sender = message.From.Mailboxes.FirstOrDefault()
            ?? throw new ArgumentException("The message has no From address.", nameof(message));
        var content = new JsonObject { ["subject"] = message.Subject ?? string.Empty, ["plainText"] = message.TextBody ?? string.Empty };
        if (message.HtmlBody is { } html)
        {
            content["html"] = html;
        }

        var to = new JsonArray();
        foreach (var mailbox in message.To.Mailboxes)
        {
            to.Add(new JsonObject { ["address"] = mailbox.Address, ["displayName"] = mailbox.Name ?? string.Empty });
        }

        return new JsonObject
        {
            ["senderAddress"] = sender.Address,
            ["content"] = content,
            ["recipients"] = new JsonObject { ["to"] = to },
        };
    }
}

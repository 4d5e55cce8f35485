using System.Net;
using System.Text.Json;
using CaseFy.Application.Events;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The inbound Event Grid webhook over real HTTP: the shared secret in its delivery header (never the URL), both
/// validation handshakes, bad and foreign bodies.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class EventGridWebhookTests(EventsFixture fixture)
{
    private const string Route = EventsFixture.WebhookRoute;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("inbound-secret-for-test")]
    [InlineData("inbound-secret-for-tests-and-more")]
    [InlineData("INBOUND-SECRET-FOR-TESTS")]
    public async Task Receive_MissingOrWrongSecretHeader_Is401ProblemJson(string? secret)
    {
        using var response = await fixture.DeliverAsync(ValidationEvent("code-1"), secret);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("code-1", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_SecretInTheQueryStringOnly_Is401()
    {
        // The old way: a URL secret ends up in request telemetry, so it no longer opens the webhook.
        using var response = await fixture.Api.PostJsonAsync($"{Route}?secret={EventsFixture.InboundSecret}", ValidationEvent("code-2"));

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Receive_SubscriptionValidationEvent_EchoesTheCode()
    {
        using var response = await fixture.DeliverAsync(ValidationEvent("512d38b6-c7b8-40c8-89fe-f46f9e9622b6"));

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", body.RootElement.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task AllowOrigin_CloudEventsHandshake_AllowsTheAskingOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(Route, UriKind.Relative));
        request.Headers.Add("WebHook-Request-Origin", "eventemitter.example.com");
        request.Headers.Add(InboundSecret.HeaderName, EventsFixture.InboundSecret);

        using var response = await fixture.Api.Http.SendAsync(request, Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("eventemitter.example.com", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
    }

    [Fact]
    public async Task AllowOrigin_WrongSecret_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(Route, UriKind.Relative));
        request.Headers.Add("WebHook-Request-Origin", "eventemitter.example.com");
        request.Headers.Add(InboundSecret.HeaderName, "nope");

        using var response = await fixture.Api.Http.SendAsync(request, Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(response.Headers.Contains("WebHook-Allowed-Origin"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\":")]
    [InlineData("[{\"specversion\":\"1.0\"}]")]
    [InlineData("[{\"id\":\"1\",\"eventType\":\"x\"}]")]
    [InlineData("42")]
    public async Task Receive_MalformedBody_Is400ProblemJson(string body)
    {
        using var response = await fixture.DeliverAsync(body);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Receive_OtherEventTypesAndContainers_AreIgnoredWith200()
    {
        var caseId = Guid.NewGuid().ToString("N");
        var body = $$"""
            [
              {{EventGridSchema.Event("Microsoft.Storage.BlobDeleted", $"https://acct.blob.core.windows.net/documents/{caseId}/id-card/1")}},
              {{EventGridSchema.BlobCreated($"https://acct.blob.core.windows.net/other/{caseId}/id-card/1")}},
              {{EventGridSchema.Event("Contoso.Items.ItemReceived", "https://example.com/x")}}
            ]
            """;

        using var response = await fixture.DeliverAsync(body);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Receive_CloudEventsSchemaBatch_IsAcceptedWith200()
    {
        var caseId = Guid.NewGuid().ToString("N");
        var body = $"[{CloudEventsSchema.BlobCreated($"https://acct.blob.core.windows.net/documents/{caseId}/id-card/1")}]";

        using var response = await fixture.DeliverAsync(body, contentType: "application/cloudevents-batch+json");

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ValidationEvent(string code) => $$"""
        [{
          "id": "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
          "topic": "/subscriptions/xxx/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
          "subject": "",
          "data": { "validationCode": "{{code}}", "validationUrl": "https://rp-eastus2.eventgrid.azure.net/validate?code=x" },
          "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
          "eventTime": "2026-11-25T23:00:00Z",
          "metadataVersion": "1",
          "dataVersion": "2"
        }]
        """;
}

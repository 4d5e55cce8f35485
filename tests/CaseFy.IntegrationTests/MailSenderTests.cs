using System.Text.Json.Nodes;
using Azure.Core;
using CaseFy.Application.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The two mail adapters: the pickup folder (real files, read back with MimeKit) and Azure Communication Services Email's
/// REST API, sent with a real <see cref="HttpClient"/> to a loopback endpoint this test runs; only the token source is fake.
/// </summary>
public sealed class MailSenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PickupFolder_SameDeliveryTwice_OneReadableEmlFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "casefy-mail-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sender = new PickupFolderMailSender(folder);

            await sender.SendAsync(Message("First"), "n-1-bo", Ct);
            await sender.SendAsync(Message("Second"), "n-1-bo", Ct);

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal("n-1-bo.eml", Path.GetFileName(file));
            var read = await MimeMessage.LoadAsync(file, Ct);
            Assert.Equal("bo@example.org", read.To.Mailboxes.Single().Address);
            Assert.Equal("Second", read.Subject);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task PickupFolder_IdThatIsNoFileName_Refused(string deliveryId)
    {
        var sender = new PickupFolderMailSender(Path.Combine(Path.GetTempPath(), "casefy-mail-" + Guid.NewGuid().ToString("N")));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => sender.SendAsync(Message("x"), deliveryId, Ct));
    }

    [Fact]
    public async Task Acs_Send_PostsEmailsSendWithBearerTokenAndStableOperationId()
    {
        var seen = new List<(string Path, string? Query, string? Auth, string? OperationId, JsonNode? Body)>();
        await using var acs = await StartAcsAsync(async context =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            seen.Add((context.Request.Path, context.Request.QueryString.Value, context.Request.Headers.Authorization, context.Request.Headers["Operation-Id"], body));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        });
        var credential = new FixedTokenCredential("token-abc");
        using var http = new HttpClient();
        var sender = new AcsEmailSender(http, credential, acs.Endpoint);

        await sender.SendAsync(Message("Task assigned"), "n-7-bo", Ct);
        await sender.SendAsync(Message("Task assigned"), "n-7-bo", Ct);

        Assert.Equal([AcsEmailSender.Scope], credential.Scopes.Distinct());
        Assert.Equal(2, seen.Count);
        var first = seen[0];
        Assert.Equal("/emails:send", first.Path);
        Assert.Equal("?api-version=2023-03-31", first.Query);
        Assert.Equal("Bearer token-abc", first.Auth);
        Assert.Equal(AcsEmailSender.OperationIdOf("n-7-bo").ToString(), first.OperationId);
        Assert.Equal(first.OperationId, seen[1].OperationId);
        Assert.Equal("casefy@example.org", (string?)first.Body!["senderAddress"]);
        Assert.Equal("Task assigned", (string?)first.Body["content"]!["subject"]);
        Assert.Equal("Open the case.", (string?)first.Body["content"]!["plainText"]);
        Assert.Equal("bo@example.org", (string?)first.Body["recipients"]!["to"]![0]!["address"]);
    }

    [Theory]
    [InlineData(StatusCodes.Status503ServiceUnavailable, true)]
    [InlineData(StatusCodes.Status429TooManyRequests, true)]
    [InlineData(StatusCodes.Status400BadRequest, false)]
    public async Task Acs_ServiceRefuses_ThrowsWithTransience(int status, bool transient)
    {
        await using var acs = await StartAcsAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var http = new HttpClient();
        var sender = new AcsEmailSender(http, new FixedTokenCredential("t"), acs.Endpoint);

        var refused = await Assert.ThrowsAsync<MailDeliveryException>(() => sender.SendAsync(Message("x"), "n-1", Ct));

        Assert.Equal(transient, refused.IsTransient);
    }

    private static MimeMessage Message(string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "Open the case." } };
        message.From.Add(new MailboxAddress("CaseFy", "casefy@example.org"));
        message.To.Add(new MailboxAddress("Bo", "bo@example.org"));
        return message;
    }

    private static async Task<LocalAcs> StartAcsAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/emails:send", handle);
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LocalAcs(app, new Uri(address + "/"));
    }

    private sealed record LocalAcs(WebApplication App, Uri Endpoint) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>The one fake: Entra ID cannot run here. Records the scopes asked for.</summary>
    private sealed class FixedTokenCredential(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

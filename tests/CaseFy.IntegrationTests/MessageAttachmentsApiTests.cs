using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CaseFy.Application.Apis;
using CaseFy.Model.Portal;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Messages with a file, both ways: the file is the next version of the conversation's document (msg-{linkId}),
/// recorded with the message in one change; the party downloads only its own conversation's files, the team through
/// the document route; every refusal is a 4xx problem and writes nothing (no entry, no version, no blob left behind).
/// </summary>
public sealed class MessageAttachmentsApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CaseFyClient Api => host.Api;

    [Fact]
    public async Task Attachment_BothWays_EachSideDownloadsIt_AnotherLinkCannot()
    {
        var (caseId, erin, frank) = await CaseWithTwoLinksAsync();
        using var anonymous = host.Host.Anonymous();
        byte[] question = [1, 2, 3, 4, 5], answer = [9, 8, 7];

        PortalMessage toErin;
        using (var sent = await Api.Http.PostAsync(
            new Uri($"/api/cases/{caseId}/messages/{erin.Link.Id}/file", UriKind.Relative), Form("Please sign this form.", question, "form.pdf"), Ct))
        {
            await CaseFyClient.ExpectAsync(sent, HttpStatusCode.OK);
            toErin = (await sent.Content.ReadFromJsonAsync(ApiJsonContext.Default.PortalMessage, Ct))!;
        }

        Assert.Equal(new MessageAttachment($"msg-{erin.Link.Id}", 1, "form.pdf", "application/pdf", 5), toErin.Attachment);
        Assert.Equal(question, await DownloadAsync(anonymous, $"/api/portal/{erin.Token}/messages/{toErin.Seq}/attachment?stream=true"));
        // Without stream=true: the redirect to a read-only link, which the client follows.
        Assert.Equal(question, await DownloadAsync(anonymous, $"/api/portal/{erin.Token}/messages/{toErin.Seq}/attachment"));

        foreach (var path in new[]
        {
            $"/api/portal/{frank.Token}/messages/{toErin.Seq}/attachment", // another link's message
            $"/api/portal/{erin.Token}/messages/1/attachment",               // not a message
            $"/api/portal/{erin.Token}/messages/99999/attachment",
            $"/api/portal/{erin.Token}/messages/x1/attachment",
        })
        {
            using var refused = await anonymous.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
            await CaseFyClient.ExpectAsync(refused, HttpStatusCode.NotFound);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using (var answered = await anonymous.Http.PostAsync(
            new Uri($"/api/portal/{erin.Token}/messages/file", UriKind.Relative), Form("Signed, attached.", answer, "signed.png", "image/png"), Ct))
        {
            await CaseFyClient.ExpectAsync(answered, HttpStatusCode.OK);
            var reply = (await answered.Content.ReadFromJsonAsync(ApiJsonContext.Default.PortalMessage, Ct))!;
            Assert.Equal((MessageDirections.FromExternal, 2, "signed.png"), (reply.Direction, reply.Attachment?.Version, reply.Attachment?.FileName));
        }

        Assert.Equal(answer, await DownloadAsync(Api, $"/api/cases/{caseId}/documents/msg-{erin.Link.Id}/versions/2/content?stream=true"));
        var view = await ViewAsync(anonymous, erin.Token);
        Assert.Equal(["form.pdf", "signed.png"], view.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("attachment").GetProperty("fileName").GetString()));
        var timeline = await Api.GetTimelineAsync(caseId);
        Assert.Equal(2, timeline.Count(e => e.Type == TimelineEntryTypes.DocumentUploaded && e.Data["documentId"] == $"msg-{erin.Link.Id}"));
        Assert.Equal(2, timeline.Count(e => e.Type == TimelineEntryTypes.MessageSent && e.Data.ContainsKey("attachmentKey")));
    }

    [Fact]
    public async Task Attachment_WithoutText_GoesAlone_BothWays()
    {
        var (caseId, erin, _) = await CaseWithTwoLinksAsync();
        using var anonymous = host.Host.Anonymous();

        using (var sent = await Api.Http.PostAsync(
            new Uri($"/api/cases/{caseId}/messages/{erin.Link.Id}/file", UriKind.Relative), Form(null, [1, 2], "form.pdf"), Ct))
        {
            await CaseFyClient.ExpectAsync(sent, HttpStatusCode.OK);
        }

        using (var answered = await anonymous.Http.PostAsync(
            new Uri($"/api/portal/{erin.Token}/messages/file", UriKind.Relative), Form("   ", [3], "signed.png", "image/png"), Ct))
        {
            await CaseFyClient.ExpectAsync(answered, HttpStatusCode.OK);
        }

        var messages = (await ViewAsync(anonymous, erin.Token)).GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("text").GetString(), m.GetProperty("attachment").GetProperty("fileName").GetString())).ToList();
        Assert.Equal([(string.Empty, "form.pdf"), (string.Empty, "signed.png")], messages);
    }

    public static TheoryData<string, HttpStatusCode> Refusals =>
    [
        ("text over the limit", HttpStatusCode.BadRequest),
        ("empty file", HttpStatusCode.BadRequest),
        ("no file part", HttpStatusCode.BadRequest),
        ("json body", HttpStatusCode.UnsupportedMediaType),
        ("file over the ad-hoc limit", HttpStatusCode.RequestEntityTooLarge),
        ("unknown link", HttpStatusCode.NotFound),
        ("party without message", HttpStatusCode.Forbidden),
        ("revoked link", HttpStatusCode.Conflict),
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Attachment_Refused_Is4xxProblemAndWritesNothing(string refusal, HttpStatusCode expected)
    {
        var (caseId, erin, _) = await CaseWithTwoLinksAsync();
        var uploadOnly = await Api.CreatePortalLinkAsync(caseId, "Uma Uploads", """["view","upload"]""");
        if (refusal == "revoked link")
        {
            using var revoked = await Api.Http.DeleteAsync(new Uri($"/api/cases/{caseId}/portal-links/{erin.Link.Id}", UriKind.Relative), Ct);
            await CaseFyClient.ExpectAsync(revoked, HttpStatusCode.NoContent);
        }

        var before = (await Api.GetCaseAsync(caseId)).TimelineLength;
        using var anonymous = host.Host.Anonymous();
        HttpContent body = refusal switch
        {
            "text over the limit" => Form(new string('x', PortalMessages.MaxTextLength + 1), [1], "a.pdf"),
            "empty file" => Form("Here.", [], "a.pdf"),
            "no file part" => new MultipartFormDataContent { { new StringContent("Here."), "text" } },
            "json body" => JsonContent.Create(new { text = "Here." }),
            "file over the ad-hoc limit" => Form("Here.", new byte[(10 * 1024 * 1024) + 1], "big.pdf"),
            _ => Form("Here.", [1, 2], "a.pdf"),
        };
        var (client, path) = refusal switch
        {
            "unknown link" => (Api, $"/api/cases/{caseId}/messages/{new string('a', 32)}/file"),
            "party without message" => (anonymous, $"/api/portal/{uploadOnly.Token}/messages/file"),
            "revoked link" => (Api, $"/api/cases/{caseId}/messages/{erin.Link.Id}/file"),
            _ => (anonymous, $"/api/portal/{erin.Token}/messages/file"),
        };

        using var response = await client.Http.PostAsync(new Uri(path, UriKind.Relative), body, Ct);

        await CaseFyClient.ExpectAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await Api.GetCaseAsync(caseId);
        Assert.Equal(before, after.TimelineLength);
        Assert.DoesNotContain(after.Documents, d => d.Key.StartsWith("msg-", StringComparison.Ordinal));
        Assert.Empty(await BlobsAsync(caseId + "/msg-"));
    }

    private async Task<List<string>> BlobsAsync(string prefix)
    {
        var container = new BlobServiceClient(host.TestStorage.ConnectionString).GetBlobContainerClient("documents");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, Ct))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static MultipartFormDataContent Form(string? text, byte[] bytes, string fileName, string contentType = "application/pdf") =>
        DocumentForms.Message(text, bytes, contentType, fileName);

    private static async Task<byte[]> DownloadAsync(CaseFyClient client, string path)
    {
        using var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static async Task<JsonElement> ViewAsync(CaseFyClient anonymous, string token)
    {
        using var response = await anonymous.Http.GetAsync(new Uri($"/api/portal/{token}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private async Task<(string CaseId, Application.Portal.CreatedPortalLink Erin, Application.Portal.CreatedPortalLink Frank)> CaseWithTwoLinksAsync()
    {
        var template = await Api.CreateTemplateFromJsonAsync("""{"name":"Files","stages":[{"key":"talk","name":"Talk"}]}""");
        var opened = await Api.OpenCaseAsync(template.Id, "Files case");
        await Api.WaitForStageEnteredAsync(opened.Id, "talk");
        var erin = await Api.CreatePortalLinkAsync(opened.Id, "Erin Files", """["view","message"]""");
        var frank = await Api.CreatePortalLinkAsync(opened.Id, "Frank Files", """["view","message"]""");
        return (opened.Id, erin, frank);
    }
}

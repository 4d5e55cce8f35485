using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CaseFy.Application.Apis;
using CaseFy.Application.Documents;
using CaseFy.Application.Portal;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Direct uploads: an upload URL from the API, a PUT straight to Blob Storage with the real SDK (as a client would),
/// then a confirm that records through the same path as the BlobCreated event. Shares the events host, whose webhook
/// takes the events.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class DirectUploadTests(EventsFixture fixture)
{
    private const string Template = """
        {"name":"Direct uploads","stages":[
          {"key":"collect","name":"Collect",
           "documents":[
             {"key":"contract","name":"Contract","contentTypes":["application/pdf"],"maxBytes":1000},
             {"key":"certificate","name":"Insurance certificate","provider":"external","contentTypes":["application/pdf"],"maxBytes":1000}]},
          {"key":"done","name":"Done"}]}
        """;

    private static readonly byte[] Pdf = "%PDF-1.7 direct"u8.ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CaseFyClient Api => fixture.Api;

    [Fact]
    public async Task TeamDirectUpload_PutThenConfirmTwiceAndEventTwice_RecordsOnceListedAndDownloadable()
    {
        var caseId = await OpenCaseAsync();

        var ticket = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "signed contract.pdf", "application/pdf", Pdf.Length);
        await PutAsync(ticket, Pdf);
        for (var i = 0; i < 2; i++)
        {
            using var confirmed = await Api.Http.PostAsync(new Uri(ticket.ConfirmUrl, UriKind.Relative), null, Ct);
            await CaseFyClient.ExpectAsync(confirmed, HttpStatusCode.OK);
        }

        await DeliverBlobCreatedTwiceAsync(ticket);

        Assert.Equal(1, ticket.Version);
        Assert.Equal($"/api/cases/{caseId}/documents/contract/versions/1/confirm", ticket.ConfirmUrl);
        var entry = Assert.Single(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
        Assert.Equal((TestHost.AdminName, "signed contract.pdf"), (entry.Actor.Name, entry.Data["fileName"]));
        var listed = await Api.Http.GetFromJsonAsync($"/api/cases/{caseId}/documents", ApiJsonContext.Default.CaseDocumentList, Ct);
        var version = Assert.Single(listed!.Documents.Single(d => d.Key == "contract").Versions);
        Assert.Equal(($"{caseId}/contract/1", "application/pdf", (long)Pdf.Length), (version.BlobName, version.ContentType, version.Size));
        Assert.Equal(Pdf, await Api.Http.GetByteArrayAsync(new Uri($"/api/cases/{caseId}/documents/contract/versions/1/content?stream=true", UriKind.Relative), Ct));
    }

    [Fact]
    public async Task DirectUpload_EventBeforeConfirm_RecordsOnceAsTheUploader()
    {
        var caseId = await OpenCaseAsync();
        var ticket = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "c.pdf", "application/pdf", Pdf.Length);
        await PutAsync(ticket, Pdf);

        await DeliverBlobCreatedTwiceAsync(ticket);
        for (var i = 0; i < 2; i++)
        {
            using var confirmed = await Api.Http.PostAsync(new Uri(ticket.ConfirmUrl, UriKind.Relative), null, Ct);
            await CaseFyClient.ExpectAsync(confirmed, HttpStatusCode.OK);
        }

        // The event came first, yet the uploader is the signed-in admin: the signed metadata said so, not the client.
        var entry = Assert.Single(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
        Assert.Equal(TestHost.AdminName, entry.Actor.Name);
    }

    [Fact]
    public async Task DirectUpload_ClientForgesTheUploaderMetadata_IsRecordedAsTheConfirmingCallerNeverCaseFy()
    {
        var caseId = await OpenCaseAsync();
        var ticket = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "c.pdf", "application/pdf", Pdf.Length);
        var forged = new Dictionary<string, string>(ticket.Headers) { ["x-ms-meta-uploaderid"] = "someone-else", ["x-ms-meta-uploadername"] = "Someone%20Else" };

        await PutAsync(ticket with { Headers = forged }, Pdf);
        await DeliverBlobCreatedTwiceAsync(ticket);
        var afterEvents = await Api.GetTimelineAsync(caseId);
        using var confirmed = await Api.Http.PostAsync(new Uri(ticket.ConfirmUrl, UriKind.Relative), null, Ct);

        // The events alone name no one the server vouches for, so they record nothing; the confirm names its caller.
        Assert.DoesNotContain(afterEvents, e => e.Type == TimelineEntryTypes.DocumentUploaded);
        await CaseFyClient.ExpectAsync(confirmed, HttpStatusCode.OK);
        var entry = Assert.Single(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
        Assert.Equal(TestHost.AdminName, entry.Actor.Name);
    }

    [Fact]
    public async Task PortalDirectUpload_WithoutTheSignedMetadata_IsRecordedAsThePartyThatConfirms()
    {
        var caseId = await OpenCaseAsync();
        var (link, party, ticket) = await PortalTicketAsync(caseId);
        using var anonymous = party;

        await PutAsync(ticket with { Headers = new Dictionary<string, string>(ticket.Headers.Where(h => !h.Key.StartsWith("x-ms-meta-", StringComparison.Ordinal))) }, Pdf);
        using var confirmed = await anonymous.Http.PostAsync(new Uri(ticket.ConfirmUrl, UriKind.Relative), null, Ct);

        await CaseFyClient.ExpectAsync(confirmed, HttpStatusCode.NoContent);
        var entry = Assert.Single(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
        Assert.Equal(($"portal-link:{link.Link.Id}", "Pat Partner"), (entry.Actor.Id, entry.Actor.Name));
    }

    [Fact]
    public async Task UploadUrl_UnsignedBlobOfAnEarlierUrlNeverConfirmed_IsRemovedAndItsVersionOfferedAgain()
    {
        var caseId = await OpenCaseAsync();
        var first = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "first.pdf", "application/pdf", Pdf.Length);
        await PutAsync(first with { Headers = new Dictionary<string, string> { ["Content-Type"] = "application/pdf" } }, Pdf);

        var second = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "second.pdf", "application/pdf", Pdf.Length);

        Assert.Equal((1, 1), (first.Version, second.Version));
        Assert.Empty((await Api.GetCaseAsync(caseId)).Documents.Single(d => d.Key == "contract").Versions);
        Assert.False((await Container().GetBlobClient($"{caseId}/contract/1").ExistsAsync(Ct)).Value);
    }

    [Fact]
    public async Task UploadUrl_AllowsOnlyCreatingItsOneBlobBeforeItExpires()
    {
        var caseId = await OpenCaseAsync();
        var before = DateTimeOffset.UtcNow;
        var ticket = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "c.pdf", "application/pdf", Pdf.Length);
        var blob = new BlobClient(ticket.UploadUrl);

        await PutAsync(ticket, Pdf);

        Assert.InRange(ticket.ExpiresAt, before.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(11));
        Assert.Equal("BlockBlob", ticket.Headers["x-ms-blob-type"]);
        var cannotRead = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync(Ct));
        Assert.Equal(403, cannotRead.Status);
        await Assert.ThrowsAsync<RequestFailedException>(() => PutAsync(ticket, "%PDF overwritten"u8.ToArray()));
        foreach (var other in new[] { $"{caseId}/contract/2", $"{caseId}/other/1", "elsewhere" })
        {
            var elsewhere = new BlobClient(new BlobUriBuilder(ticket.UploadUrl) { BlobName = other }.ToUri());
            var refused = await Assert.ThrowsAsync<RequestFailedException>(() => elsewhere.UploadAsync(new BinaryData(Pdf), Ct));
            Assert.Equal(403, refused.Status);
        }

        var stored = Container().GetBlobClient($"{caseId}/contract/1");
        Assert.Equal(Pdf, (await stored.DownloadContentAsync(Ct)).Value.Content.ToArray());
        Assert.False(await Container().GetBlobClient($"{caseId}/contract/2").ExistsAsync(Ct));

        // The same kind of URL once its expiry has passed.
        var expired = await fixture.Host.Services.GetRequiredService<IDocumentStore>().GetCreateUrlAsync(
            $"{caseId}/contract/2", DateTimeOffset.UtcNow.AddMinutes(-1), Ct);
        var late = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(expired).UploadAsync(new BinaryData(Pdf), Ct));
        Assert.Equal(403, late.Status);
        Assert.False(await Container().GetBlobClient($"{caseId}/contract/2").ExistsAsync(Ct));
    }

    [Fact]
    public async Task UploadUrl_FileBreakingTheLimits_IsRefusedUpFrontByField()
    {
        var caseId = await OpenCaseAsync();
        var route = $"/api/cases/{caseId}/documents/contract/upload-url";
        (string Body, string Field)[] attempts =
        [
            ("""{"fileName":"c.pdf","contentType":"application/pdf","size":1001}""", "$.size"),
            ("""{"fileName":"c.pdf","contentType":"application/pdf","size":0}""", "$.size"),
            ("""{"fileName":"c.html","contentType":"text/html","size":10}""", "$.contentType"),
            ("""{"fileName":"c.pdf","contentType":"not a type","size":10}""", "$.contentType"),
            ("""{"contentType":"application/pdf","size":10}""", "$.fileName"),
        ];
        foreach (var (body, field) in attempts)
        {
            using var response = await Api.PostJsonAsync(route, body);
            await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{body} → {problem.RootElement}");
        }

        // Ad-hoc documents take any type up to the default size.
        var adHoc = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/notes/upload-url", "n.txt", "text/plain", 10);
        Assert.Equal("text/plain", adHoc.Headers["Content-Type"]);
    }

    [Theory]
    [InlineData("application/pdf", 1001, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("text/html", 10, HttpStatusCode.UnsupportedMediaType)]
    public async Task Confirm_ClientSentAnotherFileThanAnnounced_RemovesTheBlobAndRecordsNothing(string sentType, int sentBytes, HttpStatusCode expected)
    {
        var caseId = await OpenCaseAsync();
        var ticket = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "c.pdf", "application/pdf", 10);
        await PutAsync(ticket, new byte[sentBytes], sentType);

        using var confirmed = await Api.Http.PostAsync(new Uri(ticket.ConfirmUrl, UriKind.Relative), null, Ct);
        await DeliverBlobCreatedTwiceAsync(ticket);

        await CaseFyClient.ExpectAsync(confirmed, expected);
        Assert.Equal("application/problem+json", confirmed.Content.Headers.ContentType?.MediaType);
        Assert.False(await Container().GetBlobClient($"{caseId}/contract/1").ExistsAsync(Ct));
        Assert.DoesNotContain(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
    }

    [Fact]
    public async Task Confirm_NothingUploaded_AnswersConflictAndRecordsNothing()
    {
        var caseId = await OpenCaseAsync();
        var ticket = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "c.pdf", "application/pdf", 10);

        using var notPut = await Api.Http.PostAsync(new Uri(ticket.ConfirmUrl, UriKind.Relative), null, Ct);
        using var noSuchVersion = await Api.Http.PostAsync(new Uri($"/api/cases/{caseId}/documents/contract/versions/x/confirm", UriKind.Relative), null, Ct);

        await CaseFyClient.ExpectAsync(notPut, HttpStatusCode.Conflict);
        Assert.Contains("PUT it to the upload URL first", await notPut.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await CaseFyClient.ExpectAsync(noSuchVersion, HttpStatusCode.NotFound);
        Assert.DoesNotContain(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
    }

    [Fact]
    public async Task UploadUrl_BlobOfAnEarlierUrlNeverConfirmed_IsRecordedAndTheNextVersionOffered()
    {
        var caseId = await OpenCaseAsync();
        var first = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "first.pdf", "application/pdf", Pdf.Length);
        await PutAsync(first, Pdf);

        var second = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "second.pdf", "application/pdf", Pdf.Length);

        Assert.Equal((1, 2), (first.Version, second.Version));
        var recorded = Assert.Single((await Api.GetCaseAsync(caseId)).Documents.Single(d => d.Key == "contract").Versions);
        Assert.Equal(("first.pdf", TestHost.AdminName), (recorded.FileName, recorded.UploadedBy.Name));
    }

    [Fact]
    public async Task DirectUpload_NoAccessToTheCase_IsRefusedAsTheOtherDocumentRoutes()
    {
        var caseId = await OpenCaseAsync();
        var ticket = await GetTicketAsync(Api, $"/api/cases/{caseId}/documents/contract/upload-url", "c.pdf", "application/pdf", Pdf.Length);
        await PutAsync(ticket, Pdf);
        var stranger = await fixture.Host.SignInAsync("Dx Stranger", "CaseFy.Member");
        var viewer = await fixture.Host.SignInAsync("Dx Viewer", "CaseFy.Viewer");
        using var anonymous = fixture.Host.Anonymous();

        foreach (var (client, expected) in new[] { (stranger, HttpStatusCode.NotFound), (viewer, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Unauthorized) })
        {
            using var url = await client.PostJsonAsync($"/api/cases/{caseId}/documents/contract/upload-url", """{"fileName":"c.pdf","contentType":"application/pdf","size":5}""");
            using var confirm = await client.Http.PostAsync(new Uri(ticket.ConfirmUrl, UriKind.Relative), null, Ct);
            await CaseFyClient.ExpectAsync(url, expected);
            await CaseFyClient.ExpectAsync(confirm, expected);
        }

        Assert.DoesNotContain(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
    }

    [Fact]
    public async Task PortalDirectUpload_PutThenConfirm_IsRecordedOnceAsTheParty()
    {
        var caseId = await OpenCaseAsync();
        var (link, party, ticket) = await PortalTicketAsync(caseId);
        using var anonymous = party;

        await PutAsync(ticket, Pdf);
        for (var i = 0; i < 2; i++)
        {
            using var confirmed = await anonymous.Http.PostAsync(new Uri(ticket.ConfirmUrl, UriKind.Relative), null, Ct);
            await CaseFyClient.ExpectAsync(confirmed, HttpStatusCode.NoContent);
        }

        await DeliverBlobCreatedTwiceAsync(ticket);

        Assert.Equal($"/api/portal/{link.Token}/documents/certificate/versions/1/confirm", ticket.ConfirmUrl);
        var entry = Assert.Single(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
        Assert.Equal(($"portal-link:{link.Link.Id}", "Pat Partner"), (entry.Actor.Id, entry.Actor.Name));
        var view = await anonymous.Http.GetFromJsonAsync($"/api/portal/{link.Token}", ApiJsonContext.Default.PortalView, Ct);
        Assert.Equal("cert.pdf", Assert.Single(view!.RequestedDocuments.Single().Uploads).FileName);
    }

    [Fact]
    public async Task PortalDirectUpload_WrongLinkOrDocumentOrLimits_IsRefused()
    {
        var caseId = await OpenCaseAsync();
        var viewOnly = await CreateLinkAsync(caseId, """["view"]""");
        var uploader = await CreateLinkAsync(caseId, """["view","upload"]""");
        using var anonymous = fixture.Host.Anonymous();
        const string Body = """{"fileName":"c.pdf","contentType":"application/pdf","size":5}""";
        (string Token, string Key, string Body, HttpStatusCode Expected)[] attempts =
        [
            (viewOnly.Token, "certificate", Body, HttpStatusCode.Forbidden),
            (uploader.Token[..^1] + (uploader.Token[^1] == 'A' ? 'B' : 'A'), "certificate", Body, HttpStatusCode.NotFound),
            (uploader.Token, "contract", Body, HttpStatusCode.NotFound),   // asked of the team, not of them
            (uploader.Token, "certificate", """{"fileName":"c.pdf","contentType":"application/pdf","size":1001}""", HttpStatusCode.BadRequest),
            (uploader.Token, "certificate", """{"fileName":"c.htm","contentType":"text/html","size":5}""", HttpStatusCode.BadRequest),
        ];
        foreach (var (token, key, body, expected) in attempts)
        {
            using var url = await anonymous.PostJsonAsync($"/api/portal/{token}/documents/{key}/upload-url", body);
            using var confirm = await anonymous.Http.PostAsync(new Uri($"/api/portal/{token}/documents/{key}/versions/1/confirm", UriKind.Relative), null, Ct);
            await CaseFyClient.ExpectAsync(url, expected);
            await CaseFyClient.ExpectAsync(confirm, expected == HttpStatusCode.BadRequest ? HttpStatusCode.Conflict : expected);
        }

        Assert.DoesNotContain(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
    }

    [Fact]
    public async Task Browser_PortalPageAndBlobService_AllowThePutFromThePortalOrigin()
    {
        var blobOrigin = fixture.Host.Services.GetRequiredService<IDocumentStore>().ServiceOrigin.GetLeftPart(UriPartial.Authority);
        var portalOrigin = fixture.Host.PortalAddress.GetLeftPart(UriPartial.Authority);
        using var http = new HttpClient();
        using var page = await http.GetAsync(new Uri(fixture.Host.PortalAddress, "/portal.html"), Ct);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri($"{blobOrigin}/devstoreaccount1/documents/some-case/key/1"));
        preflight.Headers.Add("Origin", portalOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-ms-blob-type,x-ms-meta-filename,x-ms-meta-signature");

        using var answer = await http.SendAsync(preflight, Ct);

        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains(blobOrigin, csp.Split(';').Single(d => d.Trim().StartsWith("connect-src ", StringComparison.Ordinal)).Split(' '));
        await CaseFyClient.ExpectAsync(answer, HttpStatusCode.OK);
        Assert.Equal(portalOrigin, Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private static async Task<DirectUploadTicket> GetTicketAsync(CaseFyClient client, string route, string fileName, string contentType, long size)
    {
        using var response = await client.PostJsonAsync(
            route, JsonSerializer.Serialize(new CaseFy.Application.Cases.DirectUploadRequest(fileName, contentType, size), RequestJsonContext.Default.DirectUploadRequest));
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString() ?? "no-store");
        return (await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.DirectUploadTicket, Ct))!;
    }

    /// <summary>PUTs like a client following the ticket: its URL, its headers (the content type may be a lie).</summary>
    private static async Task PutAsync(DirectUploadTicket ticket, byte[] bytes, string? contentType = null) =>
        await new BlobClient(ticket.UploadUrl).UploadAsync(new BinaryData(bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType ?? ticket.Headers["Content-Type"] },
            Metadata = ticket.Headers.Where(h => h.Key.StartsWith("x-ms-meta-", StringComparison.Ordinal))
                .ToDictionary(h => h.Key["x-ms-meta-".Length..], h => h.Value),
        }, Ct);

    private Task DeliverBlobCreatedTwiceAsync(DirectUploadTicket ticket) =>
        fixture.DeliverBlobCreatedTwiceAsync(new BlobUriBuilder(ticket.UploadUrl) { Sas = null }.ToUri().AbsoluteUri);

    private BlobContainerClient Container() => new BlobServiceClient(fixture.Storage.ConnectionString).GetBlobContainerClient("documents");

    private async Task<string> OpenCaseAsync()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        var opened = await Api.OpenCaseAsync(template.Id, "Direct");
        await Api.WaitForAsync(opened.Id, c => c.Documents.Count == 2);
        return opened.Id;
    }

    /// <summary>An upload link's party (no sign-in) and its upload URL for a certificate.</summary>
    private async Task<(CreatedPortalLink Link, CaseFyClient Party, DirectUploadTicket Ticket)> PortalTicketAsync(string caseId)
    {
        var link = await CreateLinkAsync(caseId, """["view","upload"]""");
        var party = fixture.Host.Anonymous();
        var ticket = await GetTicketAsync(party, $"/api/portal/{link.Token}/documents/certificate/upload-url", "cert.pdf", "application/pdf", Pdf.Length);
        return (link, party, ticket);
    }

    private Task<CreatedPortalLink> CreateLinkAsync(string caseId, string actions) => Api.CreatePortalLinkAsync(caseId, "Pat Partner", actions);
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Storage.Blobs;
using CaseFy.Application.Apis;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Case documents through HTTP, with the files in a real Azurite: upload, versions, list, download, accept, reject, limits.</summary>
public sealed class DocumentsApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Template = """
        {"name":"Onboarding","stages":[
          {"key":"intake","name":"Intake","advance":"auto",
           "documents":[{"key":"passport","name":"Passport","contentTypes":["application/pdf","image/jpeg"],"maxBytes":2000}]},
          {"key":"review","name":"Review"}]}
        """;

    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_VersionsListDownloadRejectAccept_RoundTripsAndAdvancesTheAutoStage()
    {
        var caseId = await OpenCaseAsync();
        byte[] first = Encoding.UTF8.GetBytes("%PDF first version"), second = Encoding.UTF8.GetBytes("%PDF second version");

        var uploaded = await UploadAsync(caseId, "passport", first);
        Assert.Equal((DocumentStatus.Uploaded, 1), (Passport(uploaded).Status, Passport(uploaded).Versions.Count));
        await PostAsync($"/api/cases/{caseId}/documents/passport/reject", "{}", HttpStatusCode.BadRequest);
        var rejected = await PostAsync($"/api/cases/{caseId}/documents/passport/reject", """{"reason":"Blurred"}""");
        Assert.Equal((DocumentStatus.Requested, "Blurred"), (Passport(rejected).Status, Passport(rejected).RejectionReason));
        await UploadAsync(caseId, "passport", second, fileName: "again.pdf");

        var list = await Api.Http.GetFromJsonAsync($"/api/cases/{caseId}/documents", ApiJsonContext.Default.CaseDocumentList, Ct);
        var listed = Assert.Single(list!.Documents);
        Assert.Equal(("1,2", $"{caseId}/passport/2", 2000L), (string.Join(",", listed.Versions.Select(v => v.Version)), listed.Versions[1].BlobName, listed.MaxBytes));
        Assert.Equal(["application/pdf", "image/jpeg"], listed.ContentTypes);

        // Default: a redirect to a read-only link for that one blob; ?stream=true: the bytes through the API.
        using var noRedirect = NoRedirectClient();
        using var redirect = await noRedirect.GetAsync(new Uri($"/api/cases/{caseId}/documents/passport/versions/1/content", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        using var plain = new HttpClient();
        Assert.Equal(first, await plain.GetByteArrayAsync(redirect.Headers.Location, Ct));
        using var put = new HttpRequestMessage(HttpMethod.Put, redirect.Headers.Location) { Content = new ByteArrayContent([1]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var overwrite = await plain.SendAsync(put, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        using var streamed = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/documents/passport/versions/2/content?stream=true", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(streamed, HttpStatusCode.OK);
        Assert.Equal(second, await streamed.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(("attachment", "again.pdf"), (streamed.Content.Headers.ContentDisposition?.DispositionType, streamed.Content.Headers.ContentDisposition?.FileNameStar));
        using var missing = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/documents/passport/versions/3/content", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(missing, HttpStatusCode.NotFound);

        var accepted = await PostAsync($"/api/cases/{caseId}/documents/passport/accept", string.Empty);
        Assert.Equal(DocumentStatus.Accepted, Passport(accepted).Status);
        await PostAsync($"/api/cases/{caseId}/documents/passport/accept", string.Empty, HttpStatusCode.Conflict);
        await Api.WaitForAsync(caseId, c => c.CurrentStage.Key == "review");
        var timeline = await Api.GetTimelineAsync(caseId);
        Assert.Equal(
            [TimelineEntryTypes.DocumentUploaded, TimelineEntryTypes.DocumentRejected, TimelineEntryTypes.DocumentUploaded, TimelineEntryTypes.DocumentAccepted],
            timeline.Where(e => e.Type is TimelineEntryTypes.DocumentUploaded or TimelineEntryTypes.DocumentRejected or TimelineEntryTypes.DocumentAccepted)
                .Select(e => e.Type));
    }

    [Fact]
    public async Task Upload_AdHocDocument_IsAnotherDocumentWithDefaultLimits()
    {
        var caseId = await OpenCaseAsync();

        var updated = await UploadAsync(caseId, "extra-notes", "any text"u8.ToArray(), "text/plain", "notes.txt");

        var extra = updated.Documents.Single(d => d.Key == "extra-notes");
        Assert.Equal((false, "notes.txt", "text/plain"), (extra.FromTemplate, extra.Versions[0].FileName, extra.Versions[0].ContentType));
    }

    [Theory]
    [InlineData(2001, "application/pdf", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(10, "image/png", HttpStatusCode.UnsupportedMediaType)]
    [InlineData(0, "application/pdf", HttpStatusCode.BadRequest)]
    public async Task Upload_OverTheLimitWrongTypeOrEmpty_IsProblemAndLeavesNoBlob(int size, string contentType, HttpStatusCode expected)
    {
        var caseId = await OpenCaseAsync();

        using var response = await Api.Http.PostAsync(
            new Uri($"/api/cases/{caseId}/documents/passport", UriKind.Relative), DocumentForms.File(new byte[size], contentType), Ct);

        await CaseFyClient.ExpectAsync(response, expected);
        Assert.Empty(await BlobsOfAsync(caseId));
        Assert.Empty(Passport(await Api.GetCaseAsync(caseId)).Versions);
    }

    [Fact]
    public async Task Upload_NotMultipartOrBadKey_Is4xx()
    {
        var caseId = await OpenCaseAsync();

        using var json = await Api.PostJsonAsync($"/api/cases/{caseId}/documents/passport", "{}");
        using var badKey = await Api.Http.PostAsync(new Uri($"/api/cases/{caseId}/documents/Bad%20Key", UriKind.Relative), DocumentForms.File([1]), Ct);

        await CaseFyClient.ExpectAsync(json, HttpStatusCode.UnsupportedMediaType);
        await CaseFyClient.ExpectAsync(badKey, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Upload_TraversalFileName_IsStoredSanitisedUnderTheServersBlobName()
    {
        var caseId = await OpenCaseAsync();

        var updated = await UploadAsync(caseId, "passport", [1, 2, 3], fileName: "../../etc/\u202Epasswd.pdf");

        var version = Assert.Single(Passport(updated).Versions);
        Assert.Equal(("passwd.pdf", $"{caseId}/passport/1"), (version.FileName, version.BlobName));
        Assert.Equal([$"{caseId}/passport/1"], await BlobsOfAsync(caseId));
    }

    [Fact]
    public async Task Upload_ClosedCase_IsConflictAndLeavesNoBlob()
    {
        var caseId = await OpenCaseAsync();
        await PostAsync($"/api/cases/{caseId}/close", """{"reason":"Withdrawn"}""");

        using var response = await Api.Http.PostAsync(
            new Uri($"/api/cases/{caseId}/documents/passport", UriKind.Relative), DocumentForms.File([1, 2, 3]), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Empty(await BlobsOfAsync(caseId));
    }

    private static CaseDocument Passport(CaseRecord record) => record.Documents.Single(d => d.Key == "passport");

    private async Task<string> OpenCaseAsync()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        var opened = await Api.OpenCaseAsync(template.Id, "Documents");
        await Api.WaitForAsync(opened.Id, c => c.Documents.Count == 1);
        return opened.Id;
    }

    private async Task<CaseRecord> UploadAsync(string caseId, string key, byte[] bytes, string contentType = "application/pdf", string fileName = "scan.pdf")
    {
        using var response = await Api.Http.PostAsync(
            new Uri($"/api/cases/{caseId}/documents/{key}", UriKind.Relative), DocumentForms.File(bytes, contentType, fileName), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }

    private async Task<CaseRecord> PostAsync(string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Api.PostJsonAsync(path, json);
        await CaseFyClient.ExpectAsync(response, expected);
        return expected == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))! : null!;
    }

    private HttpClient NoRedirectClient()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Host.Address };
        client.DefaultRequestHeaders.Authorization = Api.Http.DefaultRequestHeaders.Authorization;
        return client;
    }

    private async Task<List<string>> BlobsOfAsync(string caseId)
    {
        var container = new BlobServiceClient(host.TestStorage.ConnectionString).GetBlobContainerClient("documents");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, caseId + "/", Ct))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}

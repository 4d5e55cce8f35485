using System.Net;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>BlobCreated events for document blobs are recorded through the same rule as uploads: once per blob.</summary>
[Collection(EventsTestGroup.Name)]
public sealed class DocumentEventsTests(EventsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BlobCreated_ForAnUploadedBlob_IsRecordedOnce()
    {
        var caseId = await OpenCaseAsync();
        using (var uploaded = await fixture.Api.Http.PostAsync(
            new Uri($"/api/cases/{caseId}/documents/contract", UriKind.Relative), DocumentForms.File([1, 2, 3]), Ct))
        {
            await CaseFyClient.ExpectAsync(uploaded, HttpStatusCode.OK);
        }

        await fixture.DeliverBlobCreatedTwiceAsync(BlobUrl($"{caseId}/contract/1"));

        var entries = (await fixture.Api.GetTimelineAsync(caseId)).Where(e => e.Type == TimelineEntryTypes.DocumentUploaded).ToList();
        Assert.Single(entries);
    }

    [Fact]
    public async Task BlobCreated_ForAnUnsignedBlobWrittenStraightToStorage_WaitsForAConfirmAndRecordsTheConfirmingCaller()
    {
        var caseId = await OpenCaseAsync();
        var blob = Container().GetBlobClient($"{caseId}/contract/1");
        await blob.UploadAsync(
            new BinaryData(Encoding.UTF8.GetBytes("signed")),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" }, Metadata = new Dictionary<string, string> { ["filename"] = "signed%20contract.pdf" } },
            Ct);

        await fixture.DeliverBlobCreatedTwiceAsync(blob.Uri.AbsoluteUri);
        var afterEvents = (await fixture.Api.GetCaseAsync(caseId)).Documents.Single(d => d.Key == "contract");
        using var confirmed = await fixture.Api.Http.PostAsync(new Uri($"/api/cases/{caseId}/documents/contract/versions/1/confirm", UriKind.Relative), null, Ct);

        // No uploader the server signed: never put down to CaseFy; the person who confirms it is the uploader.
        Assert.Empty(afterEvents.Versions);
        await CaseFyClient.ExpectAsync(confirmed, HttpStatusCode.OK);
        var document = (await fixture.Api.GetCaseAsync(caseId)).Documents.Single(d => d.Key == "contract");
        var version = Assert.Single(document.Versions);
        Assert.Equal(("signed contract.pdf", 6L, TestHost.AdminName), (version.FileName, version.Size, version.UploadedBy.Name));
    }

    [Fact]
    public async Task BlobCreated_BreakingTheTemplateLimits_RemovesTheBlobAndRecordsNothing()
    {
        var caseId = await OpenCaseAsync();
        var blob = Container().GetBlobClient($"{caseId}/contract/1");
        await blob.UploadAsync(
            new BinaryData("<html>"u8.ToArray()), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html" } }, Ct);

        await fixture.DeliverBlobCreatedTwiceAsync(blob.Uri.AbsoluteUri);

        Assert.False(await blob.ExistsAsync(Ct));
        Assert.Empty((await fixture.Api.GetCaseAsync(caseId)).Documents.Single(d => d.Key == "contract").Versions);
    }

    private BlobContainerClient Container() => new BlobServiceClient(fixture.Storage.ConnectionString).GetBlobContainerClient("documents");

    private string BlobUrl(string name) => Container().GetBlobClient(name).Uri.AbsoluteUri;

    private async Task<string> OpenCaseAsync()
    {
        var template = await fixture.Api.CreateTemplateFromJsonAsync("""
            {"name":"Contracts","stages":[{"key":"sign","name":"Sign",
              "documents":[{"key":"contract","name":"Contract","contentTypes":["application/pdf"],"maxBytes":1000}]},{"key":"filed","name":"Filed"}]}
            """);
        var opened = await fixture.Api.OpenCaseAsync(template.Id, "Contract");
        await fixture.Api.WaitForAsync(opened.Id, c => c.Documents.Count == 1);
        return opened.Id;
    }
}

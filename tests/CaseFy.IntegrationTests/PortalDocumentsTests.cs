using System.Net;
using System.Net.Http.Json;
using CaseFy.Application.Apis;
using CaseFy.Application.Portal;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>External parties upload the documents asked of them through their portal link, with the document's limits.</summary>
public sealed class PortalDocumentsTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Template = """
        {"name":"Supplier check","stages":[
          {"key":"collect","name":"Collect",
           "documents":[
             {"key":"certificate","name":"Insurance certificate","provider":"external","contentTypes":["application/pdf"],"maxBytes":1000},
             {"key":"memo","name":"Internal memo","contentTypes":["text/plain"],"maxBytes":1000}]},
          {"key":"done","name":"Done"}]}
        """;

    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PortalUpload_LinkWithUpload_IsRecordedAsTheParty()
    {
        var caseId = await OpenCaseAsync();
        var link = await CreateLinkAsync(caseId, """["view","upload"]""");
        using var anonymous = host.Host.Anonymous();

        var before = await anonymous.Http.GetFromJsonAsync($"/api/portal/{link.Token}", ApiJsonContext.Default.PortalView, Ct);
        using var uploaded = await anonymous.Http.PostAsync(
            new Uri($"/api/portal/{link.Token}/documents/certificate", UriKind.Relative), DocumentForms.File([1, 2, 3], fileName: "cert.pdf"), Ct);
        var after = await anonymous.Http.GetFromJsonAsync($"/api/portal/{link.Token}", ApiJsonContext.Default.PortalView, Ct);

        var asked = Assert.Single(before!.RequestedDocuments);
        Assert.Equal(("certificate", "requested", 1000L), (asked.Key, asked.Status, asked.MaxBytes));
        Assert.Equal(["application/pdf"], asked.ContentTypes);
        await CaseFyClient.ExpectAsync(uploaded, HttpStatusCode.NoContent);
        var request = Assert.Single(after!.RequestedDocuments);
        Assert.Equal(("uploaded", "cert.pdf"), (request.Status, Assert.Single(request.Uploads).FileName));
        Assert.Contains(after.Timeline, e => e.Type == TimelineEntryTypes.DocumentUploaded);
        var entry = Assert.Single(await Api.GetTimelineAsync(caseId), e => e.Type == TimelineEntryTypes.DocumentUploaded);
        Assert.Equal(($"portal-link:{link.Link.Id}", "Pat Partner"), (entry.Actor.Id, entry.Actor.Name));
        var stored = (await Api.GetCaseAsync(caseId)).Documents.Single(d => d.Key == "certificate");
        Assert.Equal(DocumentStatus.Uploaded, stored.Status);
    }

    [Fact]
    public async Task PortalUpload_WrongLinkDocumentOrLimits_IsRefusedAndRecordsNothing()
    {
        var caseId = await OpenCaseAsync();
        var viewOnly = await CreateLinkAsync(caseId, """["view"]""");
        var uploader = await CreateLinkAsync(caseId, """["view","upload"]""");
        var revoked = await CreateLinkAsync(caseId, """["view","upload"]""");
        using (var revoke = await Api.Http.DeleteAsync(new Uri($"/api/cases/{caseId}/portal-links/{revoked.Link.Id}", UriKind.Relative), Ct))
        {
            await CaseFyClient.ExpectAsync(revoke, HttpStatusCode.NoContent);
        }

        using var anonymous = host.Host.Anonymous();
        (string Token, string Key, byte[] Bytes, string Type, HttpStatusCode Expected)[] attempts =
        [
            (viewOnly.Token, "certificate", [1], "application/pdf", HttpStatusCode.Forbidden),
            (revoked.Token, "certificate", [1], "application/pdf", HttpStatusCode.NotFound),
            (uploader.Token[..^1] + (uploader.Token[^1] == 'A' ? 'B' : 'A'), "certificate", [1], "application/pdf", HttpStatusCode.NotFound),
            (uploader.Token, "memo", [1], "text/plain", HttpStatusCode.NotFound),          // asked of the team, not of them
            (uploader.Token, "other", [1], "application/pdf", HttpStatusCode.NotFound),    // no ad-hoc documents from outside
            (uploader.Token, "certificate", new byte[1001], "application/pdf", HttpStatusCode.RequestEntityTooLarge),
            (uploader.Token, "certificate", [1], "text/html", HttpStatusCode.UnsupportedMediaType),
        ];
        foreach (var (token, key, bytes, type, expected) in attempts)
        {
            using var response = await anonymous.Http.PostAsync(
                new Uri($"/api/portal/{token}/documents/{key}", UriKind.Relative), DocumentForms.File(bytes, type), Ct);
            await CaseFyClient.ExpectAsync(response, expected);
        }

        var timeline = await Api.GetTimelineAsync(caseId);
        Assert.DoesNotContain(timeline, e => e.Type == TimelineEntryTypes.DocumentUploaded);
    }

    private async Task<string> OpenCaseAsync()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        var opened = await Api.OpenCaseAsync(template.Id, "Supplier");
        await Api.WaitForAsync(opened.Id, c => c.Documents.Count == 2);
        return opened.Id;
    }

    private Task<CreatedPortalLink> CreateLinkAsync(string caseId, string actions) => Api.CreatePortalLinkAsync(caseId, "Pat Partner", actions);
}

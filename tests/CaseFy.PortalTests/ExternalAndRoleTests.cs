using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>
/// The external case page opened from a portal link in a fresh, phone-sized browser; what each role sees; and the
/// sign-in page when nobody can sign in.
/// </summary>
public sealed class ExternalAndRoleTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Unavailable = "This link is not available";
    private const string XssTitle = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    private const string DocumentTemplate = """
        {"name":"Supplier check","stages":[
          {"key":"collect","name":"Collect","documents":[
            {"key":"certificate","name":"Insurance certificate","provider":"external","contentTypes":["application/pdf"],"maxBytes":2048},
            {"key":"memo","name":"Internal memo","contentTypes":["text/plain"],"maxBytes":2048}]},
          {"key":"done","name":"Done"}]}
        """;

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task PortalLink_OpenedOnAPhoneThenRevoked_ShowsCaseThenOneNeutralMessage()
    {
        var (_, caseId) = await OpenCaseAsync("Claim 7781: water damage");
        using (var advanced = await portal.Api.AdvanceAsync(caseId, "Assessed on site"))
        {
            await CaseFyClient.ExpectAsync(advanced, HttpStatusCode.Accepted);
        }

        await portal.Api.WaitForStageEnteredAsync(caseId, "decision");
        await using var team = await portal.NewPageAsync();
        await team.SignInAsync("Olivia Owner", "Admin");
        await team.Page.GotoAsync($"/#/cases/{caseId}");
        await team.Page.GetByText("Create a link").ClickAsync();
        await team.Page.GetByLabel("Their name").FillAsync("Pat Policyholder");
        await team.Page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var url = await team.Page.Locator(".link-url").InputValueAsync();
        Assert.Contains("/portal.html#", url, StringComparison.Ordinal);
        await team.AssertAccessibleAsync();

        // A fresh browser context on a phone-sized screen: no session, nothing shared with the team member's browser.
        await using var outsider = await portal.NewPageAsync(Phone);
        var page = outsider.Page;
        await page.GotoAsync(url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Claim 7781: water damage");
        await Expect(page.GetByText("Hello Pat Policyholder")).ToBeVisibleAsync();
        await Expect(page.GetByText("Step 2 of 2: Decision.")).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Decision");
        await Expect(page.Locator(".step-done")).ToContainTextAsync("Assessment");
        var history = page.GetByRole(AriaRole.List, new() { Name = "What has happened, newest first" });
        await Expect(history.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await Expect(history.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Moved to Decision");
        await Expect(history).ToContainTextAsync("Assessment finished");
        await Expect(page.GetByText("Assessed on site")).ToHaveCountAsync(0); // reasons are internal
        await AssertFitsTheScreenAsync(page);
        await outsider.AssertAccessibleAsync();
        await outsider.ScreenshotAsync("external-page");

        await team.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke the link for Pat Policyholder" }).ClickAsync();
        await Expect(team.Page.GetByText("revoked", new() { Exact = true })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Unavailable })).ToBeVisibleAsync();
        var revokedText = await page.Locator("main").InnerTextAsync();
        await outsider.AssertAccessibleAsync();

        // Unknown, short and undecodable tokens: the same words as a revoked link, nothing about which it was.
        foreach (var bad in new[] { "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "%zz" })
        {
            await page.GotoAsync("about:blank");
            await page.GotoAsync("/portal.html#" + bad);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Unavailable })).ToBeVisibleAsync();
            Assert.Equal(revokedText, await page.Locator("main").InnerTextAsync());
        }

        outsider.AssertNoConsoleErrors();
        team.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task PortalLink_CaseTitledWithMarkupThenExpired_ShowsTitleAsTextThenOneNeutralMessage()
    {
        var (_, caseId) = await OpenCaseAsync(XssTitle);
        var url = await CreateLinkAsync(caseId, "Sam Supplier");
        await using var outsider = await portal.NewPageAsync(Phone);
        var page = outsider.Page;

        await page.GotoAsync(url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(XssTitle);
        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());
        Assert.Equal($"{XssTitle} · CaseFy", await page.TitleAsync());
        Assert.Empty(outsider.Dialogs);
        await AssertFitsTheScreenAsync(page);

        // Let the link run out, as time would: the stored expiry moves into the past.
        var store = portal.Services.GetRequiredService<ICaseStore>();
        var now = portal.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await store.UpdateAsync(
            caseId,
            c => new CaseChange(c with { PortalLinks = c.PortalLinks.Select(l => l with { ExpiresAt = now.AddMinutes(-1) }).ToList() }, []),
            TestContext.Current.CancellationToken);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Unavailable })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("expired on");
        await outsider.AssertAccessibleAsync();
        Assert.Empty(outsider.Dialogs);
        outsider.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task PortalLink_OutsiderUploadsTheRequestedDocumentOnAPhone_TeamSeesDownloadsAndAcceptsIt()
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync(DocumentTemplate);
        var opened = await portal.Api.OpenCaseAsync(template.Id, "Supplier check: Acme");
        await portal.Api.WaitForAsync(opened.Id, c => c.Documents.Count == 2);
        var url = await CreateLinkAsync(opened.Id, "Sam Supplier");
        await using var outsider = await portal.NewPageAsync(Phone);
        var page = outsider.Page;

        await page.GotoAsync(url);
        var asked = page.GetByRole(AriaRole.Region, new() { Name = "What we need from you" });
        var input = asked.GetByLabel("Choose a file for “Insurance certificate”");
        await Expect(input).ToHaveAttributeAsync("accept", "application/pdf");
        await Expect(asked.GetByText("Accepted: application/pdf · up to 2 KB")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);
        await outsider.AssertAccessibleAsync();

        // A type the document does not take: the API's own words, next to the form, and nothing recorded.
        await input.SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await asked.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(asked.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This document takes files of type application/pdf.");

        // The file goes straight to Blob Storage: upload URL, PUT to the blob endpoint, confirm; never the multipart route.
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add($"{request.Method} {request.Url}");
        await input.SetInputFilesAsync(new FilePayload { Name = "certificate.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await asked.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        var sent = page.GetByRole(AriaRole.List, new() { Name = "What you sent for Insurance certificate" });
        await Expect(sent).ToContainTextAsync("certificate.pdf");
        await Expect(asked.GetByRole(AriaRole.Button, new() { Name = "Send another file" })).ToBeVisibleAsync();
        await outsider.AssertAccessibleAsync();
        Assert.All(outsider.ConsoleErrors, e => Assert.Contains("400", e, StringComparison.Ordinal)); // the refused type only
        var blobOrigin = portal.Services.GetRequiredService<IDocumentStore>().ServiceOrigin.GetLeftPart(UriPartial.Authority);
        Assert.Contains(requests, r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/documents/certificate/upload-url", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.StartsWith($"PUT {blobOrigin}/", StringComparison.Ordinal) && r.Contains($"/{opened.Id}/certificate/1?", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/documents/certificate/versions/1/confirm", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.EndsWith("/documents/certificate", StringComparison.Ordinal));

        await using var team = await portal.NewPageAsync();
        await team.SignInAsync("Olivia Owner", "Admin");
        await team.Page.GotoAsync($"/#/cases/{opened.Id}");
        var checklist = team.Page.GetByRole(AriaRole.List, new() { Name = "Checklist of this stage" });
        var item = checklist.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Insurance certificate" });
        await Expect(item).ToContainTextAsync("Uploaded, to review");
        await Expect(item).ToContainTextAsync("certificate.pdf");
        await team.AssertAccessibleAsync();

        // The download streams through the API with the session's token and arrives under the file's own name.
        var download = await team.Page.RunAndWaitForDownloadAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "Download certificate.pdf" }).ClickAsync());
        Assert.Equal("certificate.pdf", download.SuggestedFilename);
        Assert.Equal("%PDF-1.4\n%%EOF\n", await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken));

        await item.GetByRole(AriaRole.Button, new() { Name = "Accept “Insurance certificate”" }).ClickAsync();
        await Expect(item).ToContainTextAsync("Accepted");
        await Expect(item.GetByRole(AriaRole.Button, new() { Name = "Accept “Insurance certificate”" })).ToHaveCountAsync(0);

        // The team's own document: uploaded from the checklist, then rejected with a reason (asked for again).
        var memo = checklist.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Internal memo" });
        await memo.GetByLabel("File for “Internal memo”").SetInputFilesAsync(new FilePayload { Name = "memo.txt", MimeType = "text/plain", Buffer = "draft"u8.ToArray() });
        await memo.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(memo).ToContainTextAsync("Version 1: memo.txt");
        await memo.GetByLabel("Reason to reject").FillAsync("Unsigned");
        await memo.GetByRole(AriaRole.Button, new() { Name = "Reject “Internal memo”" }).ClickAsync();
        await Expect(memo).ToContainTextAsync("Rejected: Unsigned");
        await Expect(memo).ToContainTextAsync("Requested");
        await team.AssertAccessibleAsync();
        team.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData("""{"signIn":{"mode":"none","scopes":[]}}""", 200, "Sign-in is not configured")]
    [InlineData("""{"title":"Unavailable"}""", 503, "could not read its sign-in settings")]
    public async Task SignIn_NoUsableSignIn_SaysSoAndOpensNothing(string config, int status, string message)
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        // The sign-in settings are the server's to choose; the test host runs the dev issuer, so its answer is replaced.
        await page.RouteAsync("**/api/config", route => route.FulfillAsync(portal.ApiAnswer(config, status)));

        await page.GotoAsync("/#/cases");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CaseFy" })).ToBeVisibleAsync();
        await Expect(page.GetByText(message)).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Your name")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Viewer_OnBoardAndCase_SeesNoWorkActions()
    {
        var (templateId, caseId) = await OpenCaseAsync("Read-only look");
        await AddParticipantAsync(caseId, "Victor Viewer", "viewer");
        await using var viewer = await portal.NewPageAsync();
        await viewer.SignInAsync("Victor Viewer", "Viewer");

        await viewer.Page.GotoAsync($"/#/?template={templateId}");
        await Expect(viewer.Page.GetByRole(AriaRole.Link, new() { Name = "Read-only look" })).ToBeVisibleAsync();
        await Expect(viewer.Page.GetByRole(AriaRole.Button, new() { Name = "New case" })).ToHaveCountAsync(0);
        await Expect(viewer.Page.GetByRole(AriaRole.Link, new() { Name = "New template" })).ToHaveCountAsync(0);
        await Expect(viewer.Page.Locator(".role-badge")).ToHaveTextAsync("Viewer");

        await viewer.Page.GotoAsync($"/#/cases/{caseId}");
        await Expect(viewer.Page.GetByText("You can read this case.")).ToBeVisibleAsync();
        await Expect(viewer.Page.GetByRole(AriaRole.Button, new() { Name = "Advance to Decision" })).ToHaveCountAsync(0);
        await Expect(viewer.Page.GetByRole(AriaRole.Heading, new() { Name = "Links for outside people" })).ToHaveCountAsync(0);
        await viewer.AssertAccessibleAsync();
        viewer.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Member_AsViewerOfACase_CanOpenCasesButNotWorkThatCaseNorEditTemplates()
    {
        var (templateId, caseId) = await OpenCaseAsync("Member view");
        await AddParticipantAsync(caseId, "Mia Member", "viewer");
        await using var member = await portal.NewPageAsync();
        await member.SignInAsync("Mia Member", "Member");

        await member.Page.GotoAsync($"/#/?template={templateId}");
        await Expect(member.Page.GetByRole(AriaRole.Button, new() { Name = "New case" })).ToBeVisibleAsync();
        await Expect(member.Page.GetByRole(AriaRole.Link, new() { Name = "New template" })).ToHaveCountAsync(0);
        await member.Page.GetByRole(AriaRole.Link, new() { Name = "Member view" }).ClickAsync();

        // A member by app role, a viewer on this case: the case role decides, as in the API.
        await Expect(member.Page.GetByText("You can read this case.")).ToBeVisibleAsync();
        await Expect(member.Page.GetByRole(AriaRole.Button, new() { Name = "Advance to Decision" })).ToHaveCountAsync(0);
        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "Links for outside people" })).ToHaveCountAsync(0);

        await member.Page.GotoAsync("/#/templates/new");
        await Expect(member.Page.GetByText("Only admins can create or change templates.")).ToBeVisibleAsync();
        member.AssertNoConsoleErrors();
    }

    /// <summary>Nothing wider than a phone's screen: no sideways scrolling.</summary>
    private static async Task AssertFitsTheScreenAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");

    private async Task<string> CreateLinkAsync(string caseId, string name)
    {
        using var response = await portal.Api.PostJsonAsync(
            $"/api/cases/{caseId}/portal-links", $$"""{"name":"{{name}}","actions":["view","upload"],"expiresInDays":7}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        using var created = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);
        return created.RootElement.GetProperty("url").GetString()!;
    }

    /// <summary>Members and viewers see only the cases they take part in; the dev issuer derives their id from the name.</summary>
    private async Task AddParticipantAsync(string caseId, string name, string role)
    {
        using var response = await portal.Api.PostJsonAsync(
            $"/api/cases/{caseId}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"{{role}}"}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    private async Task<(string TemplateId, string CaseId)> OpenCaseAsync(string title)
    {
        using var response = await portal.Api.PostJsonAsync("/api/templates", """
            {"name":"Home insurance claim","stages":[{"key":"assessment","name":"Assessment"},{"key":"decision","name":"Decision"}]}
            """);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        var template = await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, TestContext.Current.CancellationToken);
        var opened = await portal.Api.OpenCaseAsync(template!.Id, title);
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "assessment");
        return (template.Id, opened.Id);
    }

    [Fact]
    public async Task ExternalPage_LongCase_ShowsTheNewestThenEarlierPagesBackToTheFirstEntry()
    {
        var template = await portal.Api.CreateTemplateAsync("intake");
        var opened = await portal.Api.OpenCaseAsync(template.Id, "A long story");
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "intake");
        var link = await portal.Api.CreatePortalLinkAsync(opened.Id, "Reader", """["view"]""");
        await portal.Api.WaitForAsync(opened.Id, c => c.CurrentStage.ReadyToAdvance);
        // 250 public entries among 500 more: past the 200 the view carries, and past one 50-entry page.
        var last = (await portal.Api.GetCaseAsync(opened.Id)).TimelineLength + 500;
        await portal.Storage.AppendChainedEntriesAsync(opened.Id, 500, seq => seq % 2 == 0
            ? ("StageEntered", new Dictionary<string, string> { ["stageName"] = $"Step {seq}" })
            : ("NoteAdded", new Dictionary<string, string> { ["reason"] = "internal" }));

        await using var outsider = await portal.NewPageAsync(Phone);
        var page = outsider.Page;
        await page.GotoAsync("/portal.html#" + link.Token);
        var entries = page.GetByRole(AriaRole.List, new() { Name = "What has happened, newest first" }).Locator("li");
        var earlier = page.GetByRole(AriaRole.Button, new() { Name = "Show earlier" });
        await Expect(entries).ToHaveCountAsync(200);
        await Expect(entries.First).ToContainTextAsync($"Moved to Step {last - (last % 2)}");

        await earlier.ClickAsync();
        await Expect(entries).ToHaveCountAsync(250);
        await earlier.ClickAsync();

        await Expect(entries).ToHaveCountAsync(251);
        await Expect(entries.Last).ToContainTextAsync("Moved to Stage intake");
        await Expect(earlier).ToBeHiddenAsync();
        outsider.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ExternalPage_Answers_ErrorsUnderTheFieldThenStoredAsTheLinkAndVisibleValuesShown()
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync("""
            {"name":"Onboarding form","prefix":"OBF","fields":[
               {"key":"passport","label":"Passport number","type":"text","maxLength":12,"pattern":"[A-Z0-9]+","filledBy":"external","help":"Capitals and digits, as printed."},
               {"key":"startDate","label":"Start date","type":"date","filledBy":"both"},
               {"key":"department","label":"Department","type":"choice","options":["HR","IT"],"visibleToExternal":true}],
             "stages":[{"key":"intake","name":"Intake","requiredFields":["passport"],"externalFields":["passport","startDate"]}]}
            """);
        var opened = await portal.Api.OpenCaseAsync(template.Id, "Welcome Sam", """{"department":"IT"}""");
        var link = await portal.Api.CreatePortalLinkAsync(opened.Id, "Sam Starter", """["view","answer"]""");

        await using var outsider = await portal.NewPageAsync(Phone);
        var page = outsider.Page;
        await page.GotoAsync("/portal.html#" + link.Token);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("OBF-0001Welcome Sam");
        await Expect(page.Locator(".details")).ToContainTextAsync("IT");
        await page.GetByLabel("Passport number (required)").FillAsync("ab 12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answers" }).ClickAsync();
        await Expect(page.Locator(".field-error:visible")).ToContainTextAsync("pattern");
        await page.GetByLabel("Passport number (required)").FillAsync("AB1234567");
        await page.GetByLabel("Start date").FillAsync("2026-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answers" }).ClickAsync();
        await Expect(page.GetByText("Thank you, your answers were received.")).ToBeVisibleAsync();
        await outsider.AssertAccessibleAsync();

        var stored = await portal.Api.GetCaseAsync(opened.Id);
        Assert.Equal(("\"AB1234567\"", "\"2026-04-01\""), (stored.Data["passport"].GetRawText(), stored.Data["startDate"].GetRawText()));
        var entry = (await portal.Api.GetTimelineAsync(opened.Id)).Last(e => e.Type == "FieldsChanged");
        Assert.Equal("Sam Starter", entry.Actor.Name);
    }
}

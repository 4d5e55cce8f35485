using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using CaseFy.Application.Portal;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>Portal links for external parties: shown once, hashed at rest, public view only, same 404 for every bad token, rate-limited.</summary>
public sealed class PortalLinkTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateLink_ByOwner_ReturnsUrlOnceAndListsWithoutSecret()
    {
        var (owner, opened) = await OpenCaseAsync("Link Owner");

        var created = await CreateLinkAsync(owner, opened.Id, """{"name":"Erin External","email":"erin@example.com","actions":["view","upload"]}""");
        using var listed = await owner.Http.GetAsync(new Uri($"/api/cases/{opened.Id}/portal-links", UriKind.Relative), Ct);
        var listText = await listed.Content.ReadAsStringAsync(Ct);
        var stored = await host.Services.GetRequiredService<ICaseStore>().GetAsync(opened.Id, Ct);

        Assert.Equal(PortalTokens.Length, created.Token.Length);
        Assert.Equal($"{host.Host.PortalAddress.GetLeftPart(UriPartial.Authority)}/portal.html#{created.Token}", created.Url);
        Assert.Equal("active", created.Link.Status);
        Assert.InRange((created.Link.ExpiresAt - created.Link.CreatedAt).TotalDays, 29.99, 30.01);
        Assert.DoesNotContain(created.Token, listText, StringComparison.Ordinal);
        Assert.DoesNotContain(PortalTokens.Hash(created.Token), listText, StringComparison.Ordinal);
        Assert.Equal(PortalTokens.Hash(created.Token), stored!.PortalLinks.Single().TokenHash);   // only the hash is kept
        var entry = (await owner.GetTimelineAsync(opened.Id)).Single(e => e.Type == TimelineEntryTypes.PortalLinkCreated);
        Assert.Equal("Link Owner", entry.Actor.Name);
    }

    [Fact]
    public async Task PortalView_ValidToken_ShowsPublicFactsOnlyAndRecordsOneUsePerHour()
    {
        var (owner, opened) = await OpenCaseAsync("View Owner");
        await owner.WaitForStageEnteredAsync(opened.Id, "intake");
        using (var advance = await owner.AdvanceAsync(opened.Id, "internal reason: salary 12345"))
        {
            await CaseFyClient.ExpectAsync(advance, HttpStatusCode.Accepted);
        }

        await owner.WaitForStageEnteredAsync(opened.Id, "review");
        var created = await CreateLinkAsync(owner, opened.Id, """{"name":"Val Visitor","actions":["view"]}""");
        var outsider = host.Host.Anonymous();

        using var first = await outsider.Http.GetAsync(new Uri($"/api/portal/{created.Token}", UriKind.Relative), Ct);
        using var second = await outsider.Http.GetAsync(new Uri($"/api/portal/{created.Token}", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(first, HttpStatusCode.OK);
        var text = await first.Content.ReadAsStringAsync(Ct);
        var view = JsonSerializer.Deserialize(text, ApiJsonContext.Default.PortalView)!;
        Assert.Equal(opened.Title, view.Title);
        Assert.Equal(new PortalStage(1, "Stage review"), view.CurrentStage);
        Assert.Equal(["Stage intake", "Stage review"], view.Stages.Select(s => s.Name));
        Assert.Equal(
            [TimelineEntryTypes.StageEntered, TimelineEntryTypes.StageExited, TimelineEntryTypes.StageEntered],
            view.Timeline.Select(e => e.Type));
        Assert.DoesNotContain("salary", text, StringComparison.Ordinal);
        Assert.DoesNotContain("View Owner", text, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.Id, text, StringComparison.Ordinal);
        Assert.Equal("no-store", second.Headers.CacheControl?.ToString());
        var uses = (await owner.GetTimelineAsync(opened.Id)).Where(e => e.Type == TimelineEntryTypes.PortalLinkUsed).ToList();
        Assert.Equal("Val Visitor", Assert.Single(uses).Actor.Name);
    }

    [Fact]
    public async Task PortalView_BadTokens_AllGetTheSame404()
    {
        var (owner, opened) = await OpenCaseAsync("Revoker");
        var revoked = await CreateLinkAsync(owner, opened.Id, """{"name":"Rev Oked","actions":["view"]}""");
        var live = await CreateLinkAsync(owner, opened.Id, """{"name":"Still Here","actions":["view"]}""");
        using (var revoke = await owner.Http.DeleteAsync(new Uri($"/api/cases/{opened.Id}/portal-links/{revoked.Link.Id}", UriKind.Relative), Ct))
        {
            await CaseFyClient.ExpectAsync(revoke, HttpStatusCode.NoContent);
        }

        var tampered = live.Token[..^2] + (live.Token[^2] == 'A' ? "BA" : "AA");
        var otherCase = "AAAAAAAAAAAAAAAAAAAAAA" + live.Token[22..];                    // same secret, another case id
        string[] tokens = [revoked.Token, tampered, otherCase, "short", new string('A', PortalTokens.Length), live.Token + "x", "..%2F..%2Fapi"];
        var outsider = host.Host.Anonymous();

        var bodies = new List<string>();
        foreach (var token in tokens)
        {
            using var response = await outsider.Http.GetAsync(new Uri($"/api/portal/{token}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            bodies.Add(problem.RootElement.GetProperty("title").GetString() + "|" + problem.RootElement.GetProperty("detail").GetString());
        }

        Assert.Single(bodies.Distinct());
        using var stillWorks = await outsider.Http.GetAsync(new Uri($"/api/portal/{live.Token}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        var listed = await owner.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{opened.Id}/portal-links", UriKind.Relative), Ct);
        Assert.Equal(["revoked", "active"], listed.EnumerateArray().Select(l => l.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task PortalView_TooManyRequestsWithOneToken_Is429WithRetryAfter()
    {
        var (owner, opened) = await OpenCaseAsync("Busy Owner");
        var created = await CreateLinkAsync(owner, opened.Id, """{"name":"Hammer","actions":["view"]}""");
        var outsider = host.Host.Anonymous();

        HttpResponseMessage? limited = null;
        for (var i = 0; i < 70 && limited is null; i++)
        {
            var response = await outsider.Http.GetAsync(new Uri($"/api/portal/{created.Token}", UriKind.Relative), Ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("""{"name":"X","actions":[]}""", "$.actions")]
    [InlineData("""{"name":"X","actions":["view","view"]}""", "$.actions")]
    [InlineData("""{"name":"X","actions":["delete"]}""", "$.actions")]
    [InlineData("""{"name":"X","actions":["view"],"expiresInDays":181}""", "$.expiresInDays")]
    [InlineData("""{"name":"X","actions":["view"],"expiresInDays":0}""", "$.expiresInDays")]
    [InlineData("""{"name":"X","email":"not an email","actions":["view"]}""", "$.email")]
    [InlineData("""{"name":"X","email":"Eve <eve@example.com>","actions":["view"]}""", "$.email")]
    [InlineData("""{"actions":["view"]}""", "$.name")]
    public async Task CreateLink_InvalidBody_Is400AndNoLinkIsStored(string body, string path)
    {
        var (owner, opened) = await OpenCaseAsync("Strict Owner");

        using var response = await owner.PostJsonAsync($"/api/cases/{opened.Id}/portal-links", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateObject(), p => p.Name.StartsWith(path, StringComparison.Ordinal));
        Assert.Empty((await host.Services.GetRequiredService<ICaseStore>().GetAsync(opened.Id, Ct))!.PortalLinks);
    }

    [Fact]
    public async Task CreateLink_WithAnotherHostHeader_PointsAtTheConfiguredPortal()
    {
        var (owner, opened) = await OpenCaseAsync("Host Header Owner");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/cases/{opened.Id}/portal-links", UriKind.Relative))
        {
            Content = new StringContent("""{"name":"Erin External","actions":["view"]}""", System.Text.Encoding.UTF8, "application/json"),
        };

        // With the development issuer on, a Host that is not a loopback name is refused outright (DevIssuerHostTests):
        // another loopback name and the API's port, neither of which is the portal's configured origin.
        request.Headers.Host = $"localhost:{host.Host.Address.Port}";

        using var response = await owner.Http.SendAsync(request, Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.CreatedPortalLink, Ct))!;
        Assert.StartsWith(host.Host.PortalAddress.GetLeftPart(UriPartial.Authority) + "/portal.html#", created.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/cases")]
    [InlineData("/")]
    [InlineData("/api/portal/nothing-here")]
    public async Task AnyResponse_CarriesSecurityHeaders(string path)
    {
        // The API on its origin, the portal's pages on theirs.
        using var http = new HttpClient();
        var api = path.StartsWith("/api", StringComparison.Ordinal);
        using var response = await http.GetAsync(new Uri(api ? host.Host.Address : host.Host.PortalAddress, path), Ct);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(api ? "no-referrer" : "same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_IsNotAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/cases", UriKind.Relative));
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await host.Host.Anonymous().Http.SendAsync(request, Ct);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task PortalView_LongTimeline_ShowsTheNewestPublicEntriesAndPagesBackToTheFirst()
    {
        var (owner, opened, created) = await OpenSettledCaseWithViewLinkAsync("Long Owner");
        await host.Storage.AppendChainedEntriesAsync(opened.Id, 2_500);
        using (var advance = await owner.AdvanceAsync(opened.Id, "after a long while"))
        {
            await CaseFyClient.ExpectAsync(advance, HttpStatusCode.Accepted);
        }

        await owner.WaitForStageEnteredAsync(opened.Id, "review");
        var (view, older) = await ReadPortalTimelineAsync(created.Token, pageSize: 50);

        // One request reads at most 2,000 entries: the view holds the two newest, a page back holds the first.
        Assert.Equal(
            [(TimelineEntryTypes.StageExited, "Stage intake"), (TimelineEntryTypes.StageEntered, "Stage review")],
            view.Timeline.Select(e => (e.Type, e.StageName)));
        Assert.Equal(
            [(TimelineEntryTypes.StageEntered, "Stage intake"), (TimelineEntryTypes.StageExited, "Stage intake"), (TimelineEntryTypes.StageEntered, "Stage review")],
            older.Concat(view.Timeline).Select(e => (e.Type, e.StageName)));
    }

    [Fact]
    public async Task PortalTimeline_ManyPublicEntries_PagesBackWithoutGapsOrRepeats()
    {
        var (owner, opened, created) = await OpenSettledCaseWithViewLinkAsync("Busy Owner");

        // 600 public entries among 1,200: more than the view holds (200) and than one page (70).
        await host.Storage.AppendChainedEntriesAsync(opened.Id, 1_200, seq => seq % 2 == 0
            ? (TimelineEntryTypes.StageEntered, new Dictionary<string, string> { ["stageName"] = $"Stage {seq}" })
            : ("NoteAdded", new Dictionary<string, string> { ["reason"] = "internal" }));
        var (view, older) = await ReadPortalTimelineAsync(created.Token, pageSize: 70);

        var expected = (await owner.GetTimelineAsync(opened.Id))
            .Where(e => e.Type is TimelineEntryTypes.StageEntered or TimelineEntryTypes.StageExited or TimelineEntryTypes.CaseClosed)
            .Select(e => e.Data.GetValueOrDefault("stageName")).ToList();
        Assert.Equal(PortalLinkService.MaxPublicEntries, view.Timeline.Count);
        Assert.Equal(expected[^1], view.Timeline[^1].StageName);
        Assert.True(expected.Count > 600, $"{expected.Count} public entries");
        Assert.Equal(expected, older.Concat(view.Timeline).Select(e => e.StageName));
    }

    [Theory]
    [InlineData("""["view"]""", "?continuationToken=abc", HttpStatusCode.BadRequest)]
    [InlineData("""["view"]""", "?continuationToken=0", HttpStatusCode.BadRequest)]
    [InlineData("""["view"]""", "?pageSize=101", HttpStatusCode.BadRequest)]
    [InlineData("""["upload"]""", "", HttpStatusCode.Forbidden)]
    public async Task PortalTimeline_BadPagingOrNoView_Is4xx(string actions, string query, HttpStatusCode expected)
    {
        var (owner, opened) = await OpenCaseAsync("Paging Owner");
        var created = await CreateLinkAsync(owner, opened.Id, $$"""{"name":"Odd Reader","actions":{{actions}}}""");

        using var response = await host.Host.Anonymous().Http.GetAsync(new Uri($"/api/portal/{created.Token}/timeline{query}", UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // A case in its first stage with a view link, settled: the orchestration's look after the link was made marks the
    // stage ready, and after that the case row stays put (entries can be appended to its timeline in storage).
    private async Task<(CaseFyClient Owner, CaseRecord Case, CreatedPortalLink Link)> OpenSettledCaseWithViewLinkAsync(string ownerName)
    {
        var (owner, opened) = await OpenCaseAsync(ownerName);
        await owner.WaitForStageEnteredAsync(opened.Id, "intake");
        var created = await CreateLinkAsync(owner, opened.Id, """{"name":"Reader","actions":["view"]}""");
        await owner.WaitForAsync(opened.Id, c => c.CurrentStage.ReadyToAdvance);
        return (owner, opened, created);
    }

    // The external view, then every older page its continuation tokens lead to (oldest first, as the view is).
    private async Task<(PortalView View, List<PortalTimelineEntry> Older)> ReadPortalTimelineAsync(string token, int pageSize)
    {
        var outsider = host.Host.Anonymous();
        using var response = await outsider.Http.GetAsync(new Uri($"/api/portal/{token}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        var view = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(Ct), ApiJsonContext.Default.PortalView)!;
        var older = new List<PortalTimelineEntry>();
        for (var next = view.TimelineContinuationToken; next is not null;)
        {
            using var page = await outsider.Http.GetAsync(
                new Uri($"/api/portal/{token}/timeline?pageSize={pageSize}&continuationToken={Uri.EscapeDataString(next)}", UriKind.Relative), Ct);
            await CaseFyClient.ExpectAsync(page, HttpStatusCode.OK);
            var read = JsonSerializer.Deserialize(await page.Content.ReadAsStringAsync(Ct), ApiJsonContext.Default.PagePortalTimelineEntry)!;
            Assert.InRange(read.Items.Count, 0, pageSize);
            older.InsertRange(0, read.Items);
            next = read.ContinuationToken;
        }

        return (view, older);
    }

    [Fact]
    public async Task CaseResponses_ToAnyReader_CarryNoPortalLinkHashOrEmail()
    {
        var (owner, opened) = await OpenCaseAsync("Quiet Owner");
        var viewer = await host.Host.SignInAsync("Vic Viewer", CaseFyRoles.Viewer);
        using (var added = await owner.PostJsonAsync(
            $"/api/cases/{opened.Id}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor("Vic Viewer")}}","name":"Vic Viewer","role":"viewer"}"""))
        {
            await CaseFyClient.ExpectAsync(added, HttpStatusCode.OK);
        }

        var created = await CreateLinkAsync(owner, opened.Id, """{"name":"Erin External","email":"erin.quiet@example.com","actions":["view"]}""");
        using var commented = await owner.PostJsonAsync($"/api/cases/{opened.Id}/comments", """{"text":"hello"}""");
        var actionAnswer = await commented.Content.ReadAsStringAsync(Ct);
        string[] reads =
        [
            await viewer.Http.GetStringAsync(new Uri($"/api/cases/{opened.Id}", UriKind.Relative), Ct),
            await viewer.Http.GetStringAsync(new Uri("/api/cases?pageSize=100", UriKind.Relative), Ct),
            await owner.Http.GetStringAsync(new Uri($"/api/cases/{opened.Id}", UriKind.Relative), Ct),
            await host.Api.Http.GetStringAsync(new Uri($"/api/cases/{opened.Id}", UriKind.Relative), Ct),
            actionAnswer,
        ];

        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        Assert.All(reads, read =>
        {
            Assert.Contains(opened.Id, read, StringComparison.Ordinal);
            Assert.DoesNotContain("erin.quiet@example.com", read, StringComparison.Ordinal);
            Assert.DoesNotContain(PortalTokens.Hash(created.Token), read, StringComparison.Ordinal);
            Assert.DoesNotContain("portalLinks", read, StringComparison.Ordinal);
        });
    }

    private async Task<(CaseFyClient Owner, CaseRecord Case)> OpenCaseAsync(string ownerName)
    {
        var template = await host.Api.CreateTemplateAsync("intake", "review");
        var owner = await host.Host.SignInAsync(ownerName, CaseFyRoles.Member);
        return (owner, await owner.OpenCaseAsync(template.Id, $"Matter {Guid.NewGuid():N}"));
    }

    private static async Task<CreatedPortalLink> CreateLinkAsync(CaseFyClient owner, string caseId, string body)
    {
        using var response = await owner.PostJsonAsync($"/api/cases/{caseId}/portal-links", body);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.CreatedPortalLink, Ct))!;
    }
}

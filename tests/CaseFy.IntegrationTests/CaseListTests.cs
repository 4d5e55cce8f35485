using System.Net;
using System.Net.Http.Json;
using CaseFy.Application.Apis;
using CaseFy.Application.Reports;
using CaseFy.LocalHost.Identity;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>The case list's filters and paging, and a template's board, read from the case index.</summary>
public sealed class CaseListTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Stages = ["intake", "review"];

    private CaseFyClient Api => host.Api;

    [Fact]
    public async Task ListCases_EachFilter_ReturnsOnlyMatchingCasesNewestFirst()
    {
        var (tag, template, other) = await SeedAsync();
        var a = template.Id;

        Assert.Equal(["gamma", "beta", "alpha"], await TitlesAsync($"templateId={a}"));
        Assert.Equal(["beta", "alpha"], await TitlesAsync($"templateId={a}&status=open"));
        Assert.Equal(["gamma"], await TitlesAsync($"templateId={a}&status=closed"));
        Assert.Equal(["alpha"], await TitlesAsync($"templateId={a}&stage=review&status=open"));
        Assert.Equal(["gamma", "beta", "alpha"], await TitlesAsync($"templateId={a}&owner={DevIssuer.ObjectIdFor(TestHost.AdminName)}"));
        Assert.Equal(["gamma", "beta", "alpha"], await TitlesAsync($"templateId={a}&owner=me"));
        Assert.Empty(await TitlesAsync($"templateId={a}&owner=someone-else"));
        Assert.Equal(["gamma", "beta", "alpha"], await TitlesAsync($"templateId={a}&overdue=false"));
        Assert.Empty(await TitlesAsync($"templateId={a}&overdue=true"));
        Assert.Equal(["other alpha", "gamma", "beta", "alpha"], await TitlesAsync($"q={tag.ToUpperInvariant()}"));
        Assert.Equal(["alpha"], await TitlesAsync($"q=ALPHA&templateId={a}"));
        Assert.Equal(["alpha"], await TitlesAsync($"q={tag}%20alph&status=open"));
        Assert.Equal(["other alpha"], await TitlesAsync($"templateId={other.Id}"));
    }

    [Fact]
    public async Task ListCases_FilteredInPages_ContinuesWithTheSameFilter()
    {
        var (_, template, _) = await SeedAsync();

        var first = await ListAsync($"templateId={template.Id}&pageSize=2");
        var second = await ListAsync($"templateId={template.Id}&pageSize=2&continuationToken={Uri.EscapeDataString(first.ContinuationToken!)}");

        Assert.Equal(2, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Null(second.ContinuationToken);
        Assert.Empty(first.Items.Select(c => c.Id).Intersect(second.Items.Select(c => c.Id)));
    }

    [Fact]
    public async Task ListCases_FilterValueShapedLikeODataInjection_MatchesNothing()
    {
        var (_, template, _) = await SeedAsync();

        var found = await ListAsync($"templateId={template.Id}&owner={Uri.EscapeDataString("x' or Owner ne 'x")}");

        Assert.Empty(found.Items);
    }

    [Theory]
    [InlineData("templateId=not-an-id", "templateId")]
    [InlineData("status=pending", "status")]
    [InlineData("stage=Bad_Key", "stage")]
    [InlineData("stage=x'%20or%20'a'%20eq%20'a", "stage")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("q=", "q")]
    [InlineData("q=a&q=b", "q")]
    [InlineData("owner=%01", "owner")]
    public async Task ListCases_InvalidFilter_IsBadRequestNamingIt(string query, string field)
    {
        using var response = await Api.Http.GetAsync(new Uri($"/api/cases?{query}", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_OpenCases_CountedAndListedPerStageOfTheTemplate()
    {
        var (_, template, _) = await SeedAsync();

        var board = await Api.Http.GetFromJsonAsync($"/api/templates/{template.Id}/board?casesPerStage=5", ApiJsonContext.Default.CaseBoard, Ct);

        Assert.NotNull(board);
        Assert.Equal((template.Id, 1, 2), (board.TemplateId, board.TemplateVersion, board.OpenCases));
        Assert.Equal(Stages, board.Stages.Select(s => s.Key));
        Assert.Equal([1, 1], board.Stages.Select(s => s.Count));
        var card = board.Stages[1].Cases.Single();
        Assert.EndsWith("alpha", card.Title, StringComparison.Ordinal);
        Assert.Equal((DevIssuer.ObjectIdFor(TestHost.AdminName), false), (card.Owner, card.Overdue));
        Assert.NotNull(card.EnteredAt);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", "", HttpStatusCode.NotFound)]
    [InlineData("not-an-id", "", HttpStatusCode.NotFound)]
    [InlineData(null, "?casesPerStage=0", HttpStatusCode.BadRequest)]
    [InlineData(null, "?casesPerStage=51", HttpStatusCode.BadRequest)]
    public async Task Board_UnknownTemplateOrBadSize_IsAProblem(string? templateId, string query, HttpStatusCode expected)
    {
        templateId ??= (await Api.CreateTemplateAsync(Stages)).Id;

        using var response = await Api.Http.GetAsync(new Uri($"/api/templates/{templateId}/board{query}", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // Template A: "alpha" advanced to review, "beta" in intake, "gamma" closed; template B: "other alpha".
    // Titles carry a tag unique to the test, so text searches see only this test's cases.
    private async Task<(string Tag, Model.Templates.CaseTemplate A, Model.Templates.CaseTemplate B)> SeedAsync()
    {
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        var a = await Api.CreateTemplateAsync(Stages);
        var b = await Api.CreateTemplateAsync(Stages);
        var alpha = await Api.OpenCaseAsync(a.Id, $"{tag} alpha");
        await Api.OpenCaseAsync(a.Id, $"{tag} beta");
        var gamma = await Api.OpenCaseAsync(a.Id, $"{tag} gamma");
        await Api.OpenCaseAsync(b.Id, $"{tag} other alpha");
        await Api.WaitForStageEnteredAsync(alpha.Id, "intake");
        using (var response = await Api.AdvanceAsync(alpha.Id))
        {
            await CaseFyClient.ExpectAsync(response, HttpStatusCode.Accepted);
        }

        await CaseDriver.DriveToClosureAsync(Api, gamma.Id, Stages);
        await Api.WaitForStageEnteredAsync(alpha.Id, "review");

        // The index row follows the case row: wait until it shows the last change.
        await WaitForListAsync($"templateId={a.Id}&stage=review&status=open", p => p.Items.Any(c => c.CurrentStage.EnteredAt is not null));
        return (tag, a, b);
    }

    private async Task<List<string>> TitlesAsync(string query) =>
        [.. (await ListAsync(query + "&pageSize=100")).Items.Select(c => c.Title[(c.Title.IndexOf(' ', StringComparison.Ordinal) + 1)..])];

    private async Task<Page<CaseRecord>> ListAsync(string query)
    {
        using var response = await Api.Http.GetAsync(new Uri($"/api/cases?{query}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageCaseRecord, Ct))!;
    }

    private async Task WaitForListAsync(string query, Func<Page<CaseRecord>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition(await ListAsync(query)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The case list never matched for {query}.");
            await Task.Delay(50, Ct);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CaseFy.Application.Apis;
using CaseFy.Model.Cases;
using CaseFy.Model.Intake;
using CaseFy.Model.Json;
using CaseFy.Model.Portal;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The public intake form over HTTP: a template enables it, anyone reads the form and opens a case with it (the
/// submitter on the timeline as an unverified outsider, their portal link working), and every abuse control refuses
/// with problem+json and writes nothing.
/// </summary>
public sealed class IntakeApiTests(IntakeApiTests.Fixture host) : IClassFixture<IntakeApiTests.Fixture>
{
    /// <summary>A host whose per-form limit is small enough to reach, and whose per-address limit is out of the way.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public const int SubmissionsPerForm = 8;

        public TestStorage Storage { get; private set; } = null!;

        public TestHost Host { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Storage = await TestStorage.StartAsync(Ct);
            Host = await TestHost.StartAsync(
                Storage.ConnectionString, TestHost.NewTaskHub(), Ct,
                "--Intake:PermitsPerAddressPerMinute=100000", $"--Intake:SubmissionsPerFormPerMinute={SubmissionsPerForm}");
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Storage.DisposeAsync();
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CaseFyClient Api => host.Host.Api;

    [Fact]
    public async Task Submit_OpensTheCaseWithTheDataAndTheUnverifiedSubmitter_AndItsLinkOpensThePortalView()
    {
        var (templateId, slug) = await CreateIntakeTemplateAsync();
        using var anonymous = host.Host.Anonymous();

        var form = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/intake/{slug}", Ct);
        Assert.Equal(["motivation", "experience"], form.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        Assert.Equal((true, "longText", "Why this role?"), (
            form.GetProperty("fields")[0].GetProperty("required").GetBoolean(), form.GetProperty("fields")[0].GetProperty("type").GetString(),
            form.GetProperty("fields")[0].GetProperty("help").GetString()));
        Assert.DoesNotContain("score", form.GetRawText(), StringComparison.Ordinal);

        using var submitted = await anonymous.PostJsonAsync($"/api/intake/{slug}", Submission("Jane Applicant", "jane@example.com", """{"motivation":"I like cases.","experience":4}"""));
        await CaseFyClient.ExpectAsync(submitted, HttpStatusCode.Created);
        Assert.True(submitted.Headers.CacheControl?.NoStore);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = receipt.GetProperty("token").GetString()!;
        Assert.EndsWith("/portal.html#" + token, receipt.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("number").ValueKind);

        using var view = await anonymous.Http.GetAsync(new Uri($"/api/portal/{token}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(view, HttpStatusCode.OK);
        var viewed = await view.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Jane Applicant", viewed.GetProperty("title").GetString());
        Assert.Equal(["answer", "message", "upload", "view"], viewed.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).Order());

        var opened = Assert.Single(await CasesOfAsync(templateId));
        Assert.Equal(("I like cases.", 4), (opened.Data["motivation"].GetString(), opened.Data["experience"].GetInt32()));
        Assert.Equal(TestHost.AdminName, Assert.Single(opened.Participants).Name);
        var timeline = await Api.GetTimelineAsync(opened.Id);
        var created = timeline.Single(e => e.Type == TimelineEntryTypes.CaseCreated);
        Assert.True(PortalLink.IsLinkActor(created.Actor));
        Assert.Equal("Jane Applicant", created.Actor.Name);
        Assert.Equal(("intake", slug, "false"), (created.Data[IntakeRules.SourceKey], created.Data[IntakeRules.SlugKey], created.Data[IntakeRules.VerifiedKey]));
        Assert.Equal(created.Actor, timeline.Single(e => e.Type == TimelineEntryTypes.FieldsChanged).Actor);
        Assert.Contains(timeline, e => e.Type == TimelineEntryTypes.PortalLinkCreated);
        Assert.True((await Api.VerifyTimelineAsync(opened.Id)).Valid);
    }

    [Fact]
    public async Task TemplateIntake_BrokenSlugFieldsOrDomains_Is400NamingEachAndASlugIsUniqueAmongTemplates()
    {
        using (var broken = await Api.PostJsonAsync("/api/templates", TemplateJson(
            """{"enabled":true,"slug":"Not A Slug","fields":["score","nope"],"allowedEmailDomains":["Example.COM"]}""")))
        {
            var errors = await ProblemErrorsAsync(broken);
            Assert.Equal(
                ["$.intake.allowedEmailDomains[0]", "$.intake.fields[0]", "$.intake.fields[1]", "$.intake.slug"],
                errors.Order(StringComparer.Ordinal));
        }

        var (_, slug) = await CreateIntakeTemplateAsync();
        using var taken = await Api.PostJsonAsync("/api/templates", TemplateJson($$"""{"enabled":true,"slug":"{{slug}}","fields":["motivation"]}"""));
        Assert.Equal(["$.intake.slug"], await ProblemErrorsAsync(taken));
    }

    [Fact]
    public async Task Submit_Refused_HoneypotDomainDataRequiredOrSize_Is4xxProblemAndOpensNothing()
    {
        var (templateId, slug) = await CreateIntakeTemplateAsync();
        using var anonymous = host.Host.Anonymous();
        var path = $"/api/intake/{slug}";

        using (var robot = await anonymous.PostJsonAsync(path, """{"name":"Bot","email":"bot@example.com","data":{"motivation":"x"},"website":"http://spam"}"""))
        {
            Assert.Equal(["$.website"], await ProblemErrorsAsync(robot));
        }

        using (var domain = await anonymous.PostJsonAsync(path, Submission("Mal", "mal@elsewhere.org", """{"motivation":"x"}""")))
        {
            Assert.Equal(["$.email"], await ProblemErrorsAsync(domain));
        }

        using (var teamField = await anonymous.PostJsonAsync(path, Submission("Ann", "ann@example.com", """{"motivation":"x","score":5}""")))
        {
            Assert.Equal(["$.score"], await ProblemErrorsAsync(teamField));
        }

        using (var missing = await anonymous.PostJsonAsync(path, Submission("Ann", "ann@example.com", """{"experience":"many"}""")))
        {
            Assert.Equal(["$.experience", "$.motivation"], (await ProblemErrorsAsync(missing)).Order(StringComparer.Ordinal));
        }

        using (var tooLarge = await anonymous.PostJsonAsync(path, Submission("Ann", "ann@example.com", $$"""{"motivation":"{{new string('x', IntakeApi.MaxBodyBytes)}}"}""")))
        {
            await ExpectProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
        }

        using (var notJson = await anonymous.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent("name=x", Encoding.UTF8, "text/plain"), Ct))
        {
            await ExpectProblemAsync(notJson, HttpStatusCode.UnsupportedMediaType);
        }

        Assert.Empty(await CasesOfAsync(templateId));
    }

    [Fact]
    public async Task Intake_UnknownSlugClosedFormOrArchivedTemplate_Is404Problem()
    {
        using var anonymous = host.Host.Anonymous();
        foreach (var unknown in new[] { "no-such-form", "x", "UPPER-case", new string('a', 300) })
        {
            using var read = await anonymous.Http.GetAsync(new Uri($"/api/intake/{unknown}", UriKind.Relative), Ct);
            await ExpectProblemAsync(read, HttpStatusCode.NotFound);
        }

        var (templateId, slug) = await CreateIntakeTemplateAsync();
        using (var close = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/templates/{templateId}", UriKind.Relative)))
        {
            close.Headers.IfMatch.ParseAdd("\"1\"");
            close.Content = new StringContent(TemplateJson($$"""{"enabled":false,"slug":"{{slug}}","fields":["motivation"]}"""), Encoding.UTF8, "application/json");
            using var closed = await Api.Http.SendAsync(close, Ct);
            await CaseFyClient.ExpectAsync(closed, HttpStatusCode.OK);
        }

        // Closed at once: the very next requests find no form.
        using (var read = await anonymous.Http.GetAsync(new Uri($"/api/intake/{slug}", UriKind.Relative), Ct))
        {
            await ExpectProblemAsync(read, HttpStatusCode.NotFound);
        }

        using (var submit = await anonymous.PostJsonAsync($"/api/intake/{slug}", Submission("Late", "late@example.com", """{"motivation":"x"}""")))
        {
            await ExpectProblemAsync(submit, HttpStatusCode.NotFound);
        }

        var (archivedId, archivedSlug) = await CreateIntakeTemplateAsync();
        using (var archive = await Api.PostJsonAsync($"/api/templates/{archivedId}/archive", "{}"))
        {
            await CaseFyClient.ExpectAsync(archive, HttpStatusCode.OK);
        }

        using var archived = await anonymous.PostJsonAsync($"/api/intake/{archivedSlug}", Submission("Late", "late@example.com", """{"motivation":"x"}"""));
        await ExpectProblemAsync(archived, HttpStatusCode.NotFound);
        Assert.Empty(await CasesOfAsync(templateId));
        Assert.Empty(await CasesOfAsync(archivedId));
    }

    [Fact]
    public async Task Submit_PastTheFormsLimit_Is429WithRetryAfter_AndOpensOnlyTheAllowedCases()
    {
        var (templateId, slug) = await CreateIntakeTemplateAsync();
        using var anonymous = host.Host.Anonymous();
        for (var i = 0; i < Fixture.SubmissionsPerForm; i++)
        {
            using var allowed = await anonymous.PostJsonAsync($"/api/intake/{slug}", Submission($"Person {i}", "p@example.com", """{"motivation":"x"}"""));
            await CaseFyClient.ExpectAsync(allowed, HttpStatusCode.Created);
        }

        using var refused = await anonymous.PostJsonAsync($"/api/intake/{slug}", Submission("One Too Many", "p@example.com", """{"motivation":"x"}"""));
        await ExpectProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Reading the form is not a submission: the per-form limit leaves it alone.
        using var read = await anonymous.Http.GetAsync(new Uri($"/api/intake/{slug}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(read, HttpStatusCode.OK);
        Assert.Equal(Fixture.SubmissionsPerForm, (await CasesOfAsync(templateId)).Count);
    }

    [Fact]
    public async Task Intake_PastTheAddressLimit_Is429WithRetryAfter()
    {
        await using var strict = await TestHost.StartAsync(
            host.Storage.ConnectionString, TestHost.NewTaskHub(), Ct, "--Intake:PermitsPerAddressPerMinute=2");
        using var anonymous = strict.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await anonymous.Http.GetAsync(new Uri("/api/intake/any-form", UriKind.Relative), Ct);
            await ExpectProblemAsync(allowed, HttpStatusCode.NotFound);
        }

        using var refused = await anonymous.PostJsonAsync("/api/intake/another-form", Submission("A", "a@example.com", "{}"));
        await ExpectProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private async Task<(string TemplateId, string Slug)> CreateIntakeTemplateAsync()
    {
        var slug = "apply-" + Guid.NewGuid().ToString("N")[..12];
        var template = await Api.CreateTemplateFromJsonAsync(TemplateJson(
            $$"""{"enabled":true,"slug":"{{slug}}","fields":["motivation","experience"],"allowedEmailDomains":["example.com"]}"""));
        return (template.Id, slug);
    }

    private async Task<List<CaseRecord>> CasesOfAsync(string templateId)
    {
        var page = await Api.Http.GetFromJsonAsync($"/api/cases?templateId={templateId}&pageSize=100", CaseFyJsonContext.Default.PageCaseRecord, Ct);
        return [.. page!.Items];
    }

    private static string TemplateJson(string intake) => $$"""
        {"name":"Applications","stages":[{"key":"screen","name":"Screen"}],
         "fields":[
           {"key":"motivation","label":"Motivation","type":"longText","required":true,"filledBy":"external","help":"Why this role?"},
           {"key":"experience","label":"Years of experience","type":"number","filledBy":"both","min":0,"max":60},
           {"key":"score","label":"Score","type":"number"}],
         "intake":{{intake}} }
        """;

    private static string Submission(string name, string email, string data) =>
        $$"""{"name":"{{name}}","email":"{{email}}","data":{{data}}}""";

    private static async Task<List<string>> ProblemErrorsAsync(HttpResponseMessage response)
    {
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    private static async Task ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await CaseFyClient.ExpectAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

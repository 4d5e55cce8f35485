using System.Net;
using System.Net.Sockets;
using System.Text;
using CaseFy.Application.Access;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The requests of an outside corpus that got past the hostile-input suite (issue 15, finding 12): broken chunked
/// framing, duplicate and case-variant JSON keys, control characters in webhook URLs, invisible-only names.
/// </summary>
public sealed class HostileEdgeTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Draft = """{"name":"Edge","stages":[{"key":"a","name":"A"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"name":"Dupe","email":"a@example.com","email":"b@example.com","data":{}}""", "$.email")]
    [InlineData("""{"name":"Dupe","email":"a@example.com","Email":"b@example.com","data":{}}""", "$.Email")]
    [InlineData("""{"name":"\u200B\u200D","email":"a@example.com","data":{}}""", "$.name")]
    public async Task IntakeSubmit_DuplicateKeyOrInvisibleName_Is400NamingItAndOpensNothing(string body, string path)
    {
        var slug = "edge-" + Guid.NewGuid().ToString("N")[..12];
        var template = await host.Api.CreateTemplateFromJsonAsync(
            $$"""{"name":"Edge intake","stages":[{"key":"a","name":"A"}],"intake":{"enabled":true,"slug":"{{slug}}","fields":[]} }""");
        using var response = await host.Host.Anonymous().PostJsonAsync($"/api/intake/{slug}", body);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"\"{path}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var cases = await host.Api.Http.GetAsync(new Uri($"/api/cases?templateId={template.Id}", UriKind.Relative), Ct);
        Assert.Contains("\"items\":[]", await cases.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/dev/token", false)]
    [InlineData("/api/templates", true)]
    [InlineData("/api/cases", true)]
    public async Task ChunkSizeOf2Pow31_OnAJsonBodyRoute_Is400Problem(string path, bool signedIn)
    {
        var token = signedIn ? await host.Host.MintAsync(TestHost.AdminName, CaseFyRoles.Admin) : null;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.Host.Address.Host, host.Host.Address.Port, Ct);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {host.Host.Address.Authority}\r\nContent-Type: application/json\r\n"
            + (token is null ? string.Empty : $"Authorization: Bearer {token}\r\n")
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n80000000\r\n{\"name\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync(Ct);

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"Dupe","roles":["CaseFy.Viewer"],"roles":["CaseFy.Admin"]}""", "roles")]
    [InlineData("""{"name":"Dupe","roles":["CaseFy.Viewer"],"Roles":["CaseFy.Admin"]}""", "Roles")]
    [InlineData("""{"name":"Dupe","NAME":"Admin","roles":["CaseFy.Viewer"]}""", "NAME")]
    public async Task DevToken_DuplicateOrCaseVariantKey_Is400NamingIt(string body, string key)
    {
        using var response = await host.Host.Anonymous().PostJsonAsync("/api/dev/token", body);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"$.{key}", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comment_TextAndCaseVariantText_Is400NamingIt()
    {
        var template = await host.Api.CreateTemplateAsync("intake");
        var opened = await host.Api.OpenCaseAsync(template.Id, "Duplicate keys");

        using var response = await host.Api.PostJsonAsync($"/api/cases/{opened.Id}/comments", """{"text":"shown","Text":"hidden"}""");

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.Text", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.example.com/a\\r\\nX-Injected: 1")]
    [InlineData("https://hooks.example.com/a\\u0000b")]
    [InlineData("https://hooks.example.com/a\\nb")]
    public async Task CreateTemplate_WebhookUrlWithControlCharacters_Is400NamingIt(string url)
    {
        var draft = $$"""{"name":"Hook","stages":[{"key":"a","name":"A","onEnter":[{"type":"webhook","url":"{{url}}","secret":"0123456789abcdef0123"}]}]}""";

        using var response = await host.Api.PostJsonAsync("/api/templates", draft);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.stages[0].onEnter[0].url", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\u200b\\u200b")]
    [InlineData("\\u202e\\u2066\\u200f")]
    [InlineData(" \\u200d\\ufeff ")]
    public async Task OpenCase_TitleWithNoVisibleCharacter_Is400NamingIt(string title)
    {
        var template = await host.Api.CreateTemplateAsync("intake");

        using var response = await host.Api.PostJsonAsync("/api/cases", $$"""{"templateId":"{{template.Id}}","title":"{{title}}"}""");

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.title", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddParticipant_NameWithBidiOverride_IsStoredWithoutIt()
    {
        var template = await host.Api.CreateTemplateAsync("intake");
        var opened = await host.Api.OpenCaseAsync(template.Id, "Bidi names");

        using var response = await host.Api.PostJsonAsync(
            $"/api/cases/{opened.Id}/participants", """{"id":"8d3c7b0e-54a1-4c2b-9a57-2b8f0e3c1d11","name":"Eve\u202Egnp.exe","role":"viewer"}""");

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        var stored = await host.Api.GetCaseAsync(opened.Id);
        Assert.Contains(stored.Participants, p => p.Name == "Evegnp.exe");
    }

    [Fact]
    public async Task CreateTemplate_NameOfOnlyZeroWidthCharacters_Is400NamingIt()
    {
        using var response = await host.Api.PostJsonAsync("/api/templates", Draft.Replace("\"Edge\"", "\"\\u200b\"", StringComparison.Ordinal));

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.name", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"text":"shown","Text":"hidden","linkId":"{link}"}""", "$.Text", false)]
    [InlineData("""{"text":"\u202e\u2066\u200f","linkId":"{link}"}""", "$.text", false)]
    [InlineData("""{"text":"a","linkId":"{link}","LINKID":"{link}"}""", "$.LINKID", false)]
    [InlineData("""{"text":"shown","TEXT":"hidden"}""", "$.TEXT", true)]
    [InlineData("""{"text":"\u200b\u200d\ufeff"}""", "$.text", true)]
    public async Task Message_CaseVariantKeyOrInvisibleText_Is400NamingIt(string body, string path, bool fromTheParty)
    {
        var template = await host.Api.CreateTemplateAsync("intake");
        var opened = await host.Api.OpenCaseAsync(template.Id, "Hostile messages");
        var link = await host.Api.CreatePortalLinkAsync(opened.Id, "Edge Party", """["view","message"]""");
        using var anonymous = host.Host.Anonymous();
        var json = body.Replace("{link}", link.Link.Id, StringComparison.Ordinal);

        using var response = fromTheParty
            ? await anonymous.PostJsonAsync($"/api/portal/{link.Token}/messages", json)
            : await host.Api.PostJsonAsync($"/api/cases/{opened.Id}/messages", json);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(await host.Api.GetTimelineAsync(opened.Id), e => e.Type == "MessageSent");
    }
}

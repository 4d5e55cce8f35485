using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CaseFy.Application.Access;
using CaseFy.LocalHost.Identity;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The case list shows a person only the cases they take part in, and nothing about the others: not in the items,
/// not through a filter, not through the continuation token (which is opaque and bound to the caller and the query).
/// </summary>
public sealed class CaseListPrivacyTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListCases_ViewerOnNoCase_GetsNoItemsAndNoToken()
    {
        var (template, _) = await SeedAsync();
        var viewer = await host.Host.SignInAsync("Lonely Viewer " + Guid.NewGuid().ToString("N")[..6], CaseFyRoles.Viewer);

        foreach (var query in new[] { "pageSize=1", $"pageSize=1&templateId={template}", "pageSize=1&status=open", "pageSize=1&overdue=false" })
        {
            var page = await ListAsync(viewer, query);

            Assert.Empty(page.Items);
            Assert.Null(page.ContinuationToken);
        }
    }

    [Fact]
    public async Task ListCases_FiltersOfAStranger_ProbeNothingOfOthersCases()
    {
        var (template, tag) = await SeedAsync();
        var name = "Probing Member " + Guid.NewGuid().ToString("N")[..6];
        var member = await host.Host.SignInAsync(name, CaseFyRoles.Member);
        var own = await member.OpenCaseAsync(template, $"{tag} mine");
        var admin = DevIssuer.ObjectIdFor(TestHost.AdminName);

        foreach (var query in new[] { $"owner={admin}", $"q={tag}%20secret", "status=closed", "stage=intake", $"q={tag}" })
        {
            var page = await ListAsync(member, query + "&pageSize=1");

            Assert.All(page.Items, c => Assert.Equal(own.Id, c.Id));
            Assert.Null(page.ContinuationToken);
        }

        Assert.Equal([own.Id], (await ListAsync(member, $"q={tag}&pageSize=10")).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task ListCases_ParticipantAddedThenRemoved_TheirListFollows()
    {
        var (template, tag) = await SeedAsync();
        var name = "Coming Going " + Guid.NewGuid().ToString("N")[..6];
        var person = await host.Host.SignInAsync(name, CaseFyRoles.Viewer);
        var shared = await host.Api.OpenCaseAsync(template, $"{tag} shared");

        using (var added = await host.Api.PostJsonAsync(
            $"/api/cases/{shared.Id}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"viewer"}"""))
        {
            await CaseFyClient.ExpectAsync(added, HttpStatusCode.OK);
        }

        var whileIn = await ListAsync(person, "pageSize=10");
        using (var removed = await host.Api.Http.DeleteAsync(new Uri($"/api/cases/{shared.Id}/participants/{DevIssuer.ObjectIdFor(name)}", UriKind.Relative), Ct))
        {
            await CaseFyClient.ExpectAsync(removed, HttpStatusCode.NoContent);
        }

        var afterwards = await ListAsync(person, "pageSize=10");

        Assert.Equal([shared.Id], whileIn.Items.Select(c => c.Id));
        Assert.Empty(afterwards.Items);
        Assert.Null(afterwards.ContinuationToken);
    }

    [Fact]
    public async Task ListCases_TokenOfAnotherCallerOrFilter_IsBadRequest()
    {
        var (template, _) = await SeedAsync();
        var otherAdmin = await host.Host.SignInAsync("Second Admin", CaseFyRoles.Admin);
        var first = await ListAsync(host.Api, $"templateId={template}&pageSize=1");
        var token = Uri.EscapeDataString(first.ContinuationToken!);

        var same = await ListAsync(host.Api, $"templateId={template}&pageSize=1&continuationToken={token}");
        using var otherCaller = await otherAdmin.Http.GetAsync(new Uri($"/api/cases?templateId={template}&pageSize=1&continuationToken={token}", UriKind.Relative), Ct);
        using var otherFilter = await host.Api.Http.GetAsync(new Uri($"/api/cases?templateId={template}&status=open&pageSize=1&continuationToken={token}", UriKind.Relative), Ct);
        using var noFilter = await host.Api.Http.GetAsync(new Uri($"/api/cases?pageSize=1&continuationToken={token}", UriKind.Relative), Ct);

        Assert.Single(same.Items);
        Assert.NotEqual(first.Items[0].Id, same.Items[0].Id);
        foreach (var refused in new[] { otherCaller, otherFilter, noFilter })
        {
            await CaseFyClient.ExpectAsync(refused, HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"continuationToken\"", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // Opaque: the token names no case (the old one was the base64 of the next case's index key).
        var decoded = Encoding.Latin1.GetString(Base64Url.DecodeFromChars(first.ContinuationToken!));
        Assert.DoesNotContain(first.Items[0].Id, decoded, StringComparison.Ordinal);
        Assert.DoesNotContain(same.Items[0].Id, decoded, StringComparison.Ordinal);
    }

    // Three cases an admin opens on a fresh template, with titles carrying a tag unique to the test.
    private async Task<(string TemplateId, string Tag)> SeedAsync()
    {
        var tag = "p" + Guid.NewGuid().ToString("N")[..8];
        var template = await host.Api.CreateTemplateAsync("intake", "review");
        foreach (var title in new[] { "secret one", "secret two", "secret three" })
        {
            await host.Api.OpenCaseAsync(template.Id, $"{tag} {title}");
        }

        return (template.Id, tag);
    }

    private static async Task<Page<CaseRecord>> ListAsync(CaseFyClient client, string query)
    {
        using var response = await client.Http.GetAsync(new Uri($"/api/cases?{query}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageCaseRecord, Ct))!;
    }
}

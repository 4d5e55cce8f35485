using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using CaseFy.Application.Mail;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Mail;
using CaseFy.Model.Ports;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>
/// <c>GET</c>/<c>PUT /api/me/mail</c> over real HTTP and Azurite: off by default, the address from the caller's token,
/// each person's own row, only off without an address, strict bodies, and the stored address following the token.
/// </summary>
public sealed class TeamMailSettingsApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_NeverChosen_IsOffWithTheTokensAddressAndWritesNothing()
    {
        var nina = await host.Host.SignInWithEmailAsync("Nina Default", "nina@example.org", CaseFyRoles.Member);

        var setting = await GetAsync(nina);

        Assert.Equal((TeamMailDeliveries.Off, "nina@example.org", 7), (setting.Delivery, setting.Address, setting.DigestHourUtc));
        Assert.Null(await StoredAsync("Nina Default"));
    }

    [Fact]
    public async Task Put_EachDelivery_IsKeptForThatPersonOnly()
    {
        var ivan = await host.Host.SignInWithEmailAsync("Ivan Choice", "ivan@example.org", CaseFyRoles.Viewer);
        var other = await host.Host.SignInWithEmailAsync("Olga Other", "olga@example.org", CaseFyRoles.Member);

        foreach (var delivery in TeamMailDeliveries.All.Reverse())
        {
            var answer = await PutAsync(ivan, $$"""{"delivery":"{{delivery}}"}""", HttpStatusCode.OK);
            Assert.Equal((delivery, "ivan@example.org"), (answer.Delivery, answer.Address));
            Assert.Equal(delivery, (await GetAsync(ivan)).Delivery);
        }

        await PutAsync(ivan, """{"delivery":"immediate"}""", HttpStatusCode.OK);
        var stored = await StoredAsync("Ivan Choice");
        Assert.Equal((TeamMailDeliveries.Immediate, "ivan@example.org"), (stored!.Delivery, stored.Address));
        Assert.Equal(TeamMailDeliveries.Off, (await GetAsync(other)).Delivery);
    }

    [Fact]
    public async Task Put_TokenWithoutAddress_RefusesAllButOffWithAProblemSayingWhy()
    {
        var tom = await host.Host.SignInAsync("Tom NoAddress", CaseFyRoles.Member);
        Assert.Null((await GetAsync(tom)).Address);

        foreach (var delivery in new[] { TeamMailDeliveries.Immediate, TeamMailDeliveries.DailyDigest })
        {
            using var refused = await tom.Http.PutAsync(new Uri("/api/me/mail", UriKind.Relative), Json($$"""{"delivery":"{{delivery}}"}"""), Ct);
            var problem = await ExpectProblemAsync(refused, HttpStatusCode.BadRequest);
            Assert.Equal(TeamMailPreferences.NoAddressMessage, problem.GetProperty("errors").GetProperty("delivery")[0].GetString());
        }

        Assert.Null(await StoredAsync("Tom NoAddress"));
        Assert.Equal(TeamMailDeliveries.Off, (await PutAsync(tom, """{"delivery":"off"}""", HttpStatusCode.OK)).Delivery);
    }

    [Theory]
    [InlineData("""{"delivery":"weekly"}""", "delivery")]
    [InlineData("""{"delivery":"Immediate"}""", "delivery")]
    [InlineData("""{"delivery":null}""", "delivery")]
    [InlineData("""{}""", "delivery")]
    [InlineData("""{"delivery":"off","address":"evil@example.org"}""", "$.address")]
    [InlineData("""{"delivery":1}""", "$.delivery")]
    [InlineData("""{"delivery":"off","delivery":"immediate"}""", "$.delivery")]
    [InlineData("""["off"]""", "$")]
    [InlineData("""{"delivery":"off" """, "$")]
    public async Task Put_InvalidBody_Is400ProblemNamingTheFieldAndChangesNothing(string body, string field)
    {
        var name = "Vera Invalid " + Guid.NewGuid().ToString("N")[..6];
        var vera = await host.Host.SignInWithEmailAsync(name, "vera@example.org", CaseFyRoles.Member);

        using var response = await vera.Http.PutAsync(new Uri("/api/me/mail", UriKind.Relative), Json(body), Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task Put_NotJson_Is415Problem()
    {
        var vera = await host.Host.SignInWithEmailAsync("Vera Text", "vera@example.org", CaseFyRoles.Member);
        using var response = await vera.Http.PutAsync(
            new Uri("/api/me/mail", UriKind.Relative), new StringContent("""{"delivery":"off"}""", System.Text.Encoding.UTF8, "text/plain"), Ct);
        await ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task GetAndPut_ANewAddressInTheToken_ReplaceTheStoredOne()
    {
        var before = await host.Host.SignInWithEmailAsync("Rita Moves", "rita@old.example.org", CaseFyRoles.Member);
        await PutAsync(before, """{"delivery":"dailyDigest"}""", HttpStatusCode.OK);
        var chosenAt = (await StoredAsync("Rita Moves"))!.ChangedAt;

        var after = await host.Host.SignInWithEmailAsync("Rita Moves", "rita@new.example.org", CaseFyRoles.Member);
        var seen = await GetAsync(after);

        Assert.Equal((TeamMailDeliveries.DailyDigest, "rita@new.example.org"), (seen.Delivery, seen.Address));
        var stored = await StoredAsync("Rita Moves");
        Assert.Equal(("rita@new.example.org", chosenAt), (stored!.Address, stored.ChangedAt));

        // A token without an address leaves the setting but no address: nothing can be mailed until one comes back.
        var bare = await host.Host.SignInAsync("Rita Moves", CaseFyRoles.Member);
        Assert.Equal((TeamMailDeliveries.DailyDigest, null), ((await GetAsync(bare)).Delivery, (await StoredAsync("Rita Moves"))!.Address));
    }

    [Fact]
    public async Task DevToken_InvalidEmail_Is400Problem()
    {
        using var response = await host.Api.PostJsonAsync("/api/dev/token", """{"name":"X","roles":["CaseFy.Member"],"email":"not an address"}""");
        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.email", out _));
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task<TeamMailSettingView> GetAsync(CaseFyClient client) =>
        (await client.Http.GetFromJsonAsync("/api/me/mail", ApiJsonContext.Default.TeamMailSettingView, Ct))!;

    private static async Task<TeamMailSettingView> PutAsync(CaseFyClient client, string body, HttpStatusCode expected)
    {
        using var response = await client.Http.PutAsync(new Uri("/api/me/mail", UriKind.Relative), Json(body), Ct);
        await CaseFyClient.ExpectAsync(response, expected);
        return (await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.TeamMailSettingView, Ct))!;
    }

    private static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await CaseFyClient.ExpectAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private Task<TeamMailSetting?> StoredAsync(string name) =>
        host.Services.GetRequiredService<ITeamMailSettings>().GetAsync(DevIssuer.ObjectIdFor(name), Ct);
}

using System.Text.Json;
using CaseFy.IntegrationTests.HostileInput;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The hostile-input suite: requests generated from every route the host maps (<see cref="HostileRequestGenerator"/>),
/// one test per attack family. Each request must get a 4xx (never a 5xx, never a success) with an RFC 9457
/// problem+json body carrying a title and its status, and after each family every entity of the CaseFy tables and
/// every blob of its containers must be exactly as before (<see cref="StorageSnapshot"/>): nothing partly written.
/// </summary>
public sealed class HostileInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const int Parallel = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task AuthFamily_MissingForgedExpiredOrOtherKeyTokens_Are401ProblemAndWriteNothing() =>
        RunFamilyAsync(fixture.Generator.AuthAttacks());

    [Fact]
    public Task RouteParameterFamily_InvalidOverlongTraversalOrInjectedIds_Are4xxProblemAndWriteNothing() =>
        RunFamilyAsync(fixture.Generator.RouteParameterAttacks());

    [Fact]
    public Task QueryFamily_DeclaredParametersAndFieldFiltersWithWrongValues_Are400ProblemAndWriteNothing() =>
        RunFamilyAsync(fixture.Generator.QueryAttacks());

    [Fact]
    public Task FieldValueFamily_WrongTypeHugeDeepOrBacktrackingValues_Are400ProblemAndWriteNothing() =>
        RunFamilyAsync(fixture.Generator.FieldValueAttacks());

    [Fact]
    public Task BodyFamily_MalformedMistypedHugeDeepOrWrongContentType_Are4xxProblemAndWriteNothing() =>
        RunFamilyAsync(fixture.Generator.BodyAttacks());

    [Fact]
    public Task PortalTokenFamily_RevokedExpiredTamperedOrOtherCaseTokens_Are404ProblemAndWriteNothing() =>
        RunFamilyAsync(fixture.Generator.PortalTokenAttacks());

    [Fact]
    public Task PagingFamily_OutOfRangeOrForeignPagingParameters_Are400ProblemAndWriteNothing() =>
        RunFamilyAsync(fixture.Generator.PagingAttacks());

    [Fact]
    public Task MethodFamily_UnmappedMethods_Are405ProblemAndWriteNothing() =>
        RunFamilyAsync(fixture.Generator.MethodAttacks());

    [Fact]
    public void Generator_AllFamilies_AttackEveryRouteWithAtLeast200Requests()
    {
        var all = fixture.Generator.All().ToList();

        var perFamily = all.GroupBy(r => r.Family).Select(g => $"{g.Key} {g.Count()}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{all.Count} hostile requests over {fixture.Routes.Count} routes ({string.Join(", ", perFamily)}); "
            + $"body-reading routes: {string.Join(", ", fixture.Routes.Where(r => r.ReadsBody).Select(r => r.Key))}");
        Assert.True(all.Count >= 200, $"Only {all.Count} hostile requests.");
        Assert.Empty(fixture.Routes.Select(r => r.Key).Except(all.Select(r => r.Route)));
    }

    private async Task RunFamilyAsync(IEnumerable<HostileRequest> generated)
    {
        var requests = generated.ToList();
        Assert.NotEmpty(requests);
        var before = await fixture.WaitForQuietStorageAsync(Ct);

        var failures = new List<string>();
        using var gate = new SemaphoreSlim(Parallel);
        await Task.WhenAll(requests.Select(async request =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                if (await CheckAsync(request) is { } failure)
                {
                    lock (failures)
                    {
                        failures.Add($"{request}: {failure}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        var after = await fixture.WaitForQuietStorageAsync(Ct);
        var written = before.DifferencesTo(after);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{requests.Count} hostile requests ({requests.Select(r => r.Route).Distinct().Count()} routes), {failures.Count} wrong answers, "
            + $"{written.Count} storage changes over {before.Count} stored items.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} hostile requests were answered wrongly:\n" + string.Join("\n", failures.Order()));
        Assert.True(written.Count == 0, $"{requests.Count} hostile requests changed the storage:\n" + string.Join("\n", written));
    }

    private async Task<string?> CheckAsync(HostileRequest hostile)
    {
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), new Uri(hostile.PathAndQuery, UriKind.Relative));
        if (hostile.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", hostile.Authorization);
        }

        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(hostile.Body);
            request.Headers.TransferEncodingChunked = hostile.Chunked;
            if (hostile.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
            }
        }

        using var response = await fixture.Http.SendAsync(request, Ct);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (status is < 400 or >= 500 || (hostile.Expected is { } expected && !expected.Contains(status)))
        {
            var wanted = hostile.Expected is null ? "a 4xx" : string.Join(" or ", hostile.Expected);
            return $"answered {status}, expected {wanted}: {Shorten(text)}";
        }

        if (hostile.RefusedByServer)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} without problem+json ({response.Content.Headers.ContentType}): {Shorten(text)}";
        }

        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString())
                && root.TryGetProperty("status", out var said) && said.ValueKind == JsonValueKind.Number && said.GetInt32() == status
                ? null
                : $"{status} with a problem lacking title or matching status: {Shorten(text)}";
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {Shorten(text)}";
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

using System.Net.Http.Json;
using CaseFy.LocalHost.Storage;
using CaseFy.Model.Json;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>A newcomer's first start on an empty data folder shows a working board: the sample templates and a case of each.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task FirstStart_EmptyDataFolder_LoadsSampleTemplatesAndCasesUnlessToldNotTo()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.FindRoot(), "samples", "templates"), "*.json").Length;
        var fresh = Directory.CreateTempSubdirectory("casefy-first-");
        var skipped = Directory.CreateTempSubdirectory("casefy-first-");
        try
        {
            Directory.Delete(fresh.FullName);
            await using (var host = await TestHost.StartOnDataFolderAsync(fresh.FullName, ct))
            {
                // The seeder runs beside the started host: once every sample case is there, so is every template.
                var cases = await WaitForCasesAsync(host.Api, samples);
                var templates = await host.Api.Http.GetFromJsonAsync("/api/templates", CaseFyJsonContext.Default.ListTemplateSummary, ct);

                Assert.Equal(samples, templates!.Count);
                Assert.All(cases.Items, c => Assert.StartsWith("Sample: ", c.Title, StringComparison.Ordinal));
            }

            Directory.Delete(skipped.FullName);
            await using (var host = await TestHost.StartOnDataFolderAsync(skipped.FullName, ct, "--no-samples"))
            {
                Assert.Empty((await host.Api.Http.GetFromJsonAsync("/api/templates", CaseFyJsonContext.Default.ListTemplateSummary, ct))!);
                Assert.Empty((await host.Api.ListCasesAsync(pageSize: 10)).Items);
            }
        }
        finally
        {
            foreach (var folder in new[] { fresh, skipped }.Where(f => Directory.Exists(f.FullName)))
            {
                folder.Delete(recursive: true);
            }
        }
    }

    private static async Task<CaseFy.Model.Page<CaseFy.Model.Cases.CaseRecord>> WaitForCasesAsync(CaseFyClient api, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await api.ListCasesAsync(pageSize: 10);
            if (page.Items.Count >= count || attempt == 300)
            {
                Assert.Equal(count, page.Items.Count);
                return page;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}

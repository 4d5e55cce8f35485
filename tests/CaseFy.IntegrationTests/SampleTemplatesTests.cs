using System.Net.Http.Json;
using CaseFy.Application.Templates;
using CaseFy.LocalHost;
using CaseFy.LocalHost.Storage;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>The shipped sample templates: valid, loaded by the local host's seed switch, idempotently.</summary>
public sealed class SampleTemplatesTests
{
    private static readonly string[] SampleNames = ["Employee onboarding", "Insurance claim", "Legal matter intake"];

    [Fact]
    public void Read_ShippedSamples_AreThreeValidTemplatesWithStableIds()
    {
        var samples = SampleTemplates.Read(SamplesFolder());

        Assert.Equal(3, samples.Count);
        Assert.Equal(samples.Select(s => s.Id), SampleTemplates.Read(SamplesFolder()).Select(s => s.Id));
        Assert.All(samples, s => Assert.Matches("^[0-9a-f]{32}$", s.Id));
    }

    [Fact]
    public async Task SeedSamples_HostStartedTwice_ListsEachSampleOnceAtVersionOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TestStorage.StartAsync(ct);
        var hub = TestHost.NewTaskHub();
        await using (var first = await TestHost.StartAsync(storage.ConnectionString, hub, ct, LocalHostApp.SeedSamplesSwitch))
        {
            Assert.Equal(SampleNames, (await ListAsync(first)).Select(t => t.Name).Order());
        }

        await using var second = await TestHost.StartAsync(storage.ConnectionString, hub, ct, "--LocalHost:SeedSamples=true");
        var listed = await ListAsync(second);

        Assert.Equal(SampleNames, listed.Select(t => t.Name).Order());
        Assert.All(listed, t => Assert.Equal((1, TemplateStatus.Active), (t.LatestVersion, t.Status)));
        Assert.Equal(SampleTemplates.Read(SamplesFolder()).Select(s => s.Id).Order(), listed.Select(t => t.Id).Order());
    }

    private static async Task<List<TemplateSummary>> ListAsync(TestHost host) =>
        (await host.Api.Http.GetFromJsonAsync(
            new Uri("/api/templates", UriKind.Relative), CaseFyJsonContext.Default.ListTemplateSummary, TestContext.Current.CancellationToken))!;

    private static string SamplesFolder() => Path.Combine(RepoPaths.FindRoot(), "samples", "templates");
}

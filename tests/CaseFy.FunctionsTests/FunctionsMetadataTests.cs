using System.Text.Json;
using CaseFy.Functions.Events;
using CaseFy.Functions.Http;
using CaseFy.Functions.Mail;
using CaseFy.LocalHost.Storage;
using CaseFy.Orchestration;
using CaseFy.Orchestration.Orchestrators;
using Microsoft.DurableTask;

namespace CaseFy.FunctionsTests;

/// <summary>
/// What the Functions build declares (<c>functions.metadata</c>, read by the Functions host): one catch-all HTTP
/// trigger under host.json's <c>api</c> prefix, one trigger per durable task, and the events timer; nothing else.
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void Metadata_Functions_AreTheCatchAllTheDurableTasksAndTheTimer()
    {
        var registry = new DurableTaskRegistry().AddCaseTasks();
        var expected = registry.GetOrchestrators().Select(o => (o.Key.Name, "orchestrationTrigger"))
            .Concat(registry.GetActivities().Select(a => (a.Key.Name, "activityTrigger")))
            .Append((HttpApiFunction.Name, "httpTrigger"))
            .Append((LifecycleEventsFunction.Name, "timerTrigger"))
            .Append((MailFunction.Name, "timerTrigger"))
            .ToHashSet();

        var declared = FunctionsMetadata().Select(f => (f.Name, Trigger(f.Bindings).GetProperty("type").GetString()!)).ToList();

        Assert.Contains((nameof(CaseOrchestrator), "orchestrationTrigger"), expected);
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(expected.OrderBy(e => e.Item1), declared.ToHashSet().OrderBy(e => e.Item1));
    }

    [Fact]
    public void Metadata_CatchAll_TakesEveryPathAndVerbUnderTheApiPrefix()
    {
        var trigger = Trigger(FunctionsMetadata().Single(f => f.Name == HttpApiFunction.Name).Bindings);
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.FindRoot(), "host.json")));

        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(
            ["delete", "get", "head", "options", "patch", "post", "put"],
            trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order());
        Assert.Equal("api", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    private static JsonElement Trigger(List<JsonElement> bindings) =>
        bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static List<(string Name, List<JsonElement> Bindings)> FunctionsMetadata()
    {
        // Same configuration and framework as this test's own output: bin/<Configuration>/<tfm>/.
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var path = Path.Combine(
            RepoPaths.FindRoot(), "functions", "CaseFy.Functions", "bin", output.Parent!.Name, output.Name, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (it builds the Functions app) first.");

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString()!,
                f.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList()))
            .ToList();
    }
}

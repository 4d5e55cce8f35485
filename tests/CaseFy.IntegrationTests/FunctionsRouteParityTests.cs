using System.Text.Json;
using CaseFy.Application;
using CaseFy.Application.Apis;
using CaseFy.Application.Engine;
using CaseFy.LocalHost.Storage;
using CaseFy.Orchestration;
using CaseFy.Orchestration.Orchestrators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The Functions app (deployed) and the local host (run and tested here) must expose the same API and the same
/// durable tasks. The Functions host cannot run on these machines, so this compares what each declares: the local
/// host's endpoints against the <c>functions.metadata</c> the Functions build writes.
/// </summary>
public sealed class FunctionsRouteParityTests
{
    [Fact]
    public async Task HttpTriggers_ComparedWithLocalHostRoutes_AreTheSameSet()
    {
        var local = await LocalHostRoutesAsync();
        var functions = FunctionsMetadata()
            .SelectMany(f => f.Bindings)
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => Route(
                m.GetString()!, $"{ApiRoutes.Prefix}/{b.GetProperty("route").GetString()}")))
            .ToHashSet();

        Assert.NotEmpty(local);
        Assert.Empty(local.Except(functions));      // a local route without a trigger
        Assert.Empty(functions.Except(local));      // a trigger the local host does not map
    }

    [Fact]
    public void DurableTriggers_ComparedWithCaseTasks_AreTheSameSet()
    {
        var registry = new DurableTaskRegistry().AddCaseTasks();
        var tasks = registry.GetOrchestrators().Select(o => (o.Key.Name, "orchestrationTrigger"))
            .Concat(registry.GetActivities().Select(a => (a.Key.Name, "activityTrigger")))
            .ToHashSet();
        var functions = FunctionsMetadata()
            .SelectMany(f => f.Bindings
                .Select(b => b.GetProperty("type").GetString()!)
                .Where(t => t is "orchestrationTrigger" or "activityTrigger")
                .Select(t => (f.Name, t)))
            .ToHashSet();

        Assert.Contains((nameof(CaseOrchestrator), "orchestrationTrigger"), tasks);
        Assert.Empty(tasks.Except(functions));      // a task the Functions app cannot run
        Assert.Empty(functions.Except(tasks));      // a trigger for a task nobody schedules
    }

    private static string Route(string method, string pattern) =>
        $"{method.ToUpperInvariant()} {pattern.Trim('/')}";

    // The local host's API as it maps it; nothing is started, so no storage or engine is needed.
    private static async Task<HashSet<string>> LocalHostRoutesAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddRouting();
        builder.Services.AddCaseFyApplication();
        // Minimal APIs only ask whether a parameter type is a service; the engine is never resolved here.
        builder.Services.AddSingleton<ICaseEngine>(sp => new DurableCaseEngine(sp.GetRequiredService<DurableTaskClient>()));
        await using var app = builder.Build();
        app.MapCaseFyApi();

        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => Route(method, e.RoutePattern.RawText!)))
            .ToHashSet();
    }

    private static List<(string Name, List<JsonElement> Bindings)> FunctionsMetadata()
    {
        // Same configuration and framework as this test's own output: bin/<Configuration>/<tfm>/.
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var path = Path.Combine(
            RepoRoot(), "functions", "CaseFy.Functions", "bin", output.Parent!.Name, output.Name, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (it builds the Functions app) first.");

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString()!,
                f.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList()))
            .ToList();
    }

    private static string RepoRoot() => RepoPaths.FindRoot();
}

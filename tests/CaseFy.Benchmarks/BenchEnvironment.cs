using Azure.Data.Tables;
using CaseFy.Benchmarks.RawEngine;
using CaseFy.LocalHost;
using CaseFy.LocalHost.Engine;
using CaseFy.LocalHost.Portal;
using CaseFy.LocalHost.Storage;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Benchmarks;

/// <summary>
/// What every measurement runs on: one Azurite, the CaseFy local host (in this process, on a loopback port) and
/// the raw engine (same sidecar and settings, its own task hub), all on that Azurite.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly string _folder;
    private readonly EmbeddedAzurite _azurite;
    private readonly WebApplication _host;

    private const string TaskHub = "benchcasefy";
    private readonly TimeSpan _polling;

    private BenchEnvironment(string folder, EmbeddedAzurite azurite, WebApplication host, RawEngineHost raw, Uri address, TimeSpan polling)
    {
        _polling = polling;
        _folder = folder;
        _azurite = azurite;
        _host = host;
        Raw = raw;
        Address = address;
        Api = new BenchApi(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) });
        CaseTable = new TableClient(azurite.ConnectionString, "CaseFyCases");
    }

    public Uri Address { get; }

    /// <summary>
    /// A static file served by the same process (the portal's own Kestrel site: the API serves no portal file),
    /// the HTTP stack's floor under load.
    /// </summary>
    public Uri StaticFile => new(_host.Services.GetRequiredService<PortalSite>().ListeningAddress
        ?? throw new InvalidOperationException("The portal site has not started."), "/index.html");

    public BenchApi Api { get; }

    /// <summary>Azurite's CPU time so far (its one Node thread is the shared storage's ceiling).</summary>
    public TimeSpan AzuriteProcessorTime => _azurite.ProcessorTime;

    public RawEngineHost Raw { get; }

    /// <summary>CaseFy's case table, read directly: the baseline for reads, and how persistence is observed.</summary>
    public TableClient CaseTable { get; }

    /// <summary>The JSON options the host's HTTP answers are written with.</summary>
    public System.Text.Json.JsonSerializerOptions HttpJson =>
        _host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>The host's own case store, for writing a long timeline through its transaction path.</summary>
    public ICaseStore Store => _host.Services.GetRequiredService<ICaseStore>();

    /// <param name="queuePolling">The engine's longest queue polling pause, for both CaseFy and the raw engine (null: the host's default).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<BenchEnvironment> StartAsync(TimeSpan? queuePolling, CancellationToken cancellationToken)
    {
        var polling = queuePolling ?? new LocalEngineOptions().MaxQueuePollingInterval;
        var folder = Path.Combine(Path.GetTempPath(), "casefy-bench", Guid.NewGuid().ToString("N"));
        var azurite = await EmbeddedAzurite.StartAsync(RepoPaths.FindRoot(), folder, cancellationToken);
        var host = await StartHostAsync(azurite.ConnectionString, TaskHub, polling, cancellationToken);
        var raw = await RawEngineHost.StartAsync(azurite.ConnectionString, "benchraw", polling, cancellationToken);
        var environment = new BenchEnvironment(folder, azurite, host, raw, new Uri(host.Urls.First()), polling);
        await DevToken.AuthorizeAsync(environment.Api.Http, cancellationToken);
        return environment;
    }

    /// <summary>
    /// One more CaseFy instance on the same storage and task hub (its own engine worker id, API and portal ports), as
    /// Flex Consumption adds one: the engine spreads the hub's partitions across the instances.
    /// </summary>
    public async Task<BenchInstance> StartInstanceAsync(int index, CancellationToken cancellationToken)
    {
        var host = await StartHostAsync(_azurite.ConnectionString, $"{TaskHub}-{index}", _polling, cancellationToken);
        var api = new BenchApi(new HttpClient { BaseAddress = new Uri(host.Urls.First()), Timeout = TimeSpan.FromMinutes(2) });
        await DevToken.AuthorizeAsync(api.Http, cancellationToken);
        return new BenchInstance(host, api);
    }

    /// <summary>Who holds each of the task hub's partition leases now (empty: none).</summary>
    public async Task<IReadOnlyList<string>> PartitionOwnersAsync(CancellationToken cancellationToken)
    {
        var owners = new List<string>();
        await foreach (var lease in new TableClient(_azurite.ConnectionString, $"{TaskHub}Partitions").QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            owners.Add(lease.GetString("CurrentOwner") ?? string.Empty);
        }

        return owners;
    }

    private static async Task<WebApplication> StartHostAsync(string connectionString, string workerId, TimeSpan polling, CancellationToken cancellationToken)
    {
        var host = await LocalHostApp.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            "--portal-url=http://127.0.0.1:0",
            $"--Storage:ConnectionString={connectionString}",
            $"--Durable:TaskHub={TaskHub}",
            $"--Durable:WorkerId={workerId}",
            "--Logging:LogLevel:Default=Warning",
            "--environment=Development",
            FormattableString.Invariant($"--Durable:MaxQueuePollingInterval={polling:c}"),
        ], cancellationToken);
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>Polls CaseFy's case row (a point read, as for the raw side) until its stage column says <paramref name="stageKey"/>.</summary>
    public async Task WaitForStoredStageAsync(string caseId, string stageKey, TimeSpan pause, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await CaseTable.GetEntityIfExistsAsync<TableEntity>(caseId, "case", select: ["Stage", "Status"], cancellationToken);
            if (row.HasValue && (row.Value!.GetString("Stage") == stageKey || row.Value.GetString("Status") == "Closed"))
            {
                return;
            }

            await Task.Delay(pause, cancellationToken);
        }
    }

    /// <summary>The raw baseline of a timeline page: one partition query for the first <paramref name="pageSize"/> entries.</summary>
    public async Task<int> ReadFirstTimelinePageRawAsync(string caseId, int pageSize, CancellationToken cancellationToken)
    {
        await foreach (var page in CaseTable.QueryAsync<TableEntity>(TimelineFilter(caseId), maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages())
        {
            return page.Values.Count;
        }

        return 0;
    }

    /// <summary>All timeline rows of a case, as stored.</summary>
    public static string TimelineFilter(string caseId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey gt {"tl-"} and RowKey lt {"tl-~"}");

    public async ValueTask DisposeAsync()
    {
        Api.Http.Dispose();
        await Raw.DisposeAsync();
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

using CaseFy.Application.Engine;
using CaseFy.Application.Http;
using CaseFy.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseFy.Functions.Http;

/// <summary>
/// CaseFy inside the Functions worker: the local host's ASP.NET Core app (<see cref="CaseFyHttpPipeline"/>: the same
/// services, middleware order and endpoints), built once, started with the worker and served by a
/// <see cref="TriggerServer"/>. The worker runs no ASP.NET Core middleware or routing for triggers
/// (Azure/azure-functions-dotnet-worker#1725), so the catch-all trigger hands each request to this app, and the
/// durable triggers take their activity classes from its services: one container, as in the local host.
/// </summary>
public sealed class CaseFyFunctionsApp : IHostedService, IAsyncDisposable
{
    // What the worker's server gives a request; everything else (routing, sign-in, items, services) the app sets itself.
    private static readonly Type[] TransportFeatures =
    [
        typeof(IHttpRequestFeature), typeof(IHttpResponseFeature), typeof(IHttpResponseBodyFeature), typeof(IHttpConnectionFeature),
        typeof(IHttpRequestIdentifierFeature), typeof(IHttpRequestLifetimeFeature), typeof(IHttpMaxRequestBodySizeFeature),
        typeof(IHttpRequestBodyDetectionFeature), typeof(IHttpRequestTrailersFeature), typeof(IHttpResponseTrailersFeature),
        typeof(IHttpBodyControlFeature), typeof(ITlsConnectionFeature), typeof(IHttpMinRequestBodyDataRateFeature),
        typeof(IHttpMinResponseDataRateFeature),
    ];

    private readonly WebApplication _app;
    private readonly TriggerServer _server = new();
    private readonly Lazy<Task> _started;

    /// <param name="configuration">The worker's configuration (app settings).</param>
    /// <param name="loggers">The worker's logging, so the app's logs go where the worker's go.</param>
    /// <param name="configureServices">Registrations after CaseFy's own (tests: an offline token issuer).</param>
    public CaseFyFunctionsApp(IConfiguration configuration, ILoggerFactory loggers, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton(loggers));
        builder.Services.AddSingleton<IServer>(_server);
        builder.Services.AddCaseFyStorage();
        builder.Services.AddCaseFyHttpPipeline(builder.Configuration);

        // The engine client comes with each trigger's [DurableClient] binding: a request's scope holds it.
        builder.Services.AddScoped<DurableClientAccessor>();
        builder.Services.AddScoped<ICaseEngine>(sp => new DurableCaseEngine(sp.GetRequiredService<DurableClientAccessor>().Client
            ?? throw new InvalidOperationException("Only a request from the catch-all trigger has an engine client.")));
        configureServices?.Invoke(builder.Services);
        _app = builder.Build();
        _app.UseCaseFyHttpPipeline();
        _started = new(() => _app.StartAsync());
    }

    /// <summary>The app's services (the durable triggers' activity classes, the events timer's publisher).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Answers <paramref name="context"/>'s request through the app's pipeline, in a request scope of the app.</summary>
    public async Task DispatchAsync(HttpContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        await _started.Value;
        var features = new FeatureCollection();
        foreach (var type in TransportFeatures)
        {
            features[type] = context.Features[type];
        }

        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DurableClientAccessor>().Client = client;
        features.Set<IServiceProvidersFeature>(new ServiceProvidersFeature { RequestServices = scope.ServiceProvider });
        await _server.ProcessAsync(features);
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => _started.Value.WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace CaseFy.Functions.Http;

/// <summary>
/// The server of the CaseFy app inside the Functions worker. It listens nowhere: when the app starts it keeps the
/// app's request handling (ASP.NET Core's hosting layer: request scope, diagnostics, the whole middleware pipeline),
/// and the catch-all trigger hands it each request's features.
/// </summary>
public sealed class TriggerServer : IServer
{
    private readonly TaskCompletionSource<Func<IFeatureCollection, Task>> _application =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc/>
    public IFeatureCollection Features { get; } = new FeatureCollection();

    /// <inheritdoc/>
    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        _application.TrySetResult(async features =>
        {
            var context = application.CreateContext(features);
            try
            {
                await application.ProcessRequestAsync(context);

                // What a server does when the app is done: start and end the response, so the app's OnStarting
                // callbacks (security headers) run while its HttpContext still exists, even for an answer without a
                // body (a CORS preflight), rather than later when the worker's server flushes.
                await features.GetRequiredFeature<IHttpResponseBodyFeature>().CompleteAsync();
            }
            catch (Exception ex)
            {
                application.DisposeContext(context, ex);
                throw;
            }

            application.DisposeContext(context, null);
        });
        return Task.CompletedTask;
    }

    /// <summary>Runs one request through the app; waits for the app to have started.</summary>
    public async Task ProcessAsync(IFeatureCollection features) => await (await _application.Task)(features);

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}

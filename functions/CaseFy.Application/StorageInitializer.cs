using CaseFy.Application.Portal;
using CaseFy.Model.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CaseFy.Application;

/// <summary>Readies storage at start-up (<see cref="IStorageSetup"/>), so no request finds a table or container missing.</summary>
public sealed class StorageInitializer(IStorageSetup setup, IOptions<PortalOptions> portal) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        setup.PrepareAsync(portal.Value.Origin is { Length: > 0 } origin ? [origin] : [], cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

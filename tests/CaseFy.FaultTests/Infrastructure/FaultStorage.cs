using CaseFy.LocalHost;
using CaseFy.LocalHost.Storage;

namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// A real Azurite in a temp folder that a test can stop and start again on the same folder and the same
/// ports, so the host's connection string stays valid across the outage.
/// </summary>
public sealed class FaultStorage : IAsyncDisposable
{
    private readonly string _folder;
    private readonly (int Blob, int Queue, int Table) _ports;
    private EmbeddedAzurite? _azurite;

    private FaultStorage(string folder, EmbeddedAzurite azurite)
    {
        _folder = folder;
        _azurite = azurite;
        _ports = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        ConnectionString = azurite.ConnectionString;
    }

    public string ConnectionString { get; }

    public int TablePort => _ports.Table;

    public static async Task<FaultStorage> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "casefy-fault", Guid.NewGuid().ToString("N"));
        var azurite = await EmbeddedAzurite.StartAsync(RepoPaths.FindRoot(), folder, cancellationToken);
        return new FaultStorage(folder, azurite);
    }

    /// <summary>Stops Azurite (gracefully, so its data is flushed); nothing answers on its ports until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }

    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        _azurite ??= await EmbeddedAzurite.StartAsync(
            RepoPaths.FindRoot(), _folder, _ports.Blob, _ports.Queue, _ports.Table, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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

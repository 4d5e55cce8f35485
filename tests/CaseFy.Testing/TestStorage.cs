using CaseFy.LocalHost.Storage;

namespace CaseFy.Testing;

/// <summary>A real Azurite on free loopback ports with its data in a temp folder, removed afterwards.</summary>
public sealed class TestStorage : IAsyncDisposable
{
    private TestStorage(EmbeddedAzurite azurite, string folder)
    {
        Azurite = azurite;
        Folder = folder;
    }

    public EmbeddedAzurite Azurite { get; }

    public string Folder { get; }

    public string ConnectionString => Azurite.ConnectionString;

    public static async Task<TestStorage> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "casefy-tests", Guid.NewGuid().ToString("N"));
        var azurite = await EmbeddedAzurite.StartAsync(RepoPaths.FindRoot(), folder, cancellationToken);
        return new TestStorage(azurite, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Azurite.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

namespace CaseFy.Testing;

/// <summary>One Azurite and one local host shared by a test class; each test makes its own templates and cases.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private TestStorage? _storage;
    private TestHost? _host;

    public CaseFyClient Api => _host!.Api;

    public IServiceProvider Services => _host!.Services;

    /// <summary>The Azurite behind the host, for tests that read or tamper with rows directly.</summary>
    public StoredCases Storage => new(_storage!.ConnectionString);

    public TestHost Host => _host!;

    /// <summary>The Azurite process itself.</summary>
    public TestStorage TestStorage => _storage!;

    public async ValueTask InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(TestContext.Current.CancellationToken);
        _host = await TestHost.StartAsync(_storage.ConnectionString, TestHost.NewTaskHub(), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }
}

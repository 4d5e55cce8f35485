using CaseFy.Orchestration;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>A local host whose webhook names resolve through a <see cref="ScriptedResolver"/>; two attempts per webhook.</summary>
public sealed class WebhookDestinationFixture : IAsyncLifetime
{
    private TestStorage? _storage;
    private TestHost? _host;

    public ScriptedResolver Resolver { get; } = new();

    public CaseFyClient Api => _host!.Api;

    public async ValueTask InitializeAsync()
    {
        _storage = await TestStorage.StartAsync(TestContext.Current.CancellationToken);
        _host = await TestHost.StartAsync(
            _storage.ConnectionString,
            TestHost.NewTaskHub(),
            services => services.AddSingleton<IWebhookHostResolver>(Resolver),
            TestContext.Current.CancellationToken,
            "--Webhooks:MaxAttempts=2");
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

using System.Net.Http.Headers;
using System.Text;
using CaseFy.Application.Events;
using CaseFy.LocalHost.Identity;
using CaseFy.Testing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>
/// One Azurite and one local host (with the Event Grid webhook's secret set, so its body parsing is reached) for the
/// hostile-input suite; the world's targets; the routes, with what probing found out about them; and a storage that
/// has settled (the case orchestrations have entered their stages, the event outbox is empty) before any attack.
/// </summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    private TestStorage? _storage;
    private TestHost? _host;

    public TestHost Host => _host!;

    public string ConnectionString => _storage!.ConnectionString;

    public string TaskHub { get; } = TestHost.NewTaskHub();

    public HostileRequestGenerator Generator { get; private set; } = null!;

    public IReadOnlyList<HostileRoute> Routes { get; private set; } = [];

    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _storage = await TestStorage.StartAsync(ct);
        // The portal's and the intake form's rate limits are raised: the suite sends thousands of anonymous requests
        // from one address within a minute, and each must reach the route's own checks (the limits have their own tests).
        _host = await TestHost.StartAsync(
            _storage.ConnectionString, TaskHub, ct, $"--Events:InboundSecret={HostileWorld.InboundSecret}",
            "--Portal:PermitsPerTokenPerMinute=100000", "--Portal:PermitsPerAddressPerMinute=100000",
            "--Intake:PermitsPerAddressPerMinute=100000", "--Intake:SubmissionsPerFormPerMinute=100000");
        Http = new HttpClient { BaseAddress = _host.Address };

        // Every request carries the Event Grid webhook's secret header (other routes ignore it), so that route's body
        // parsing is reached like any other route's.
        Http.DefaultRequestHeaders.Add(InboundSecret.HeaderName, HostileWorld.InboundSecret);
        var mapped = HostileRoute.From(_host.Services.GetRequiredService<EndpointDataSource>());
        var world = await HostileWorld.CreateAsync(_host, mapped.Select(r => r.Key).ToHashSet(StringComparer.Ordinal), ct);
        var signedIn = new HashSet<string>(StringComparer.Ordinal);
        var routes = new List<HostileRoute>();
        foreach (var route in mapped)
        {
            if (await ProbeAsync(route, route.PathWith(_ => HostileWorld.UnknownId), authorization: null, body: null, ct) == 401)
            {
                signedIn.Add(route.Key);
            }

            // A route that does not declare its body is asked with a broken one, on the probe targets: a 400 means it reads it.
            var readsBody = route.ReadsBody || (route.TakesBody && await ProbeAsync(
                route, route.PathWith(p => world.ValueOf(route.Pattern, p, probe: true)),
                world.AdminAuthorization, "{", ct) is 400 or >= 500);
            routes.Add(route with { ReadsBody = readsBody });
        }

        Routes = routes;
        var json = _host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        Generator = new HostileRequestGenerator(routes, signedIn, world, _host.Services.GetRequiredService<DevIssuer>(), json);
        await WaitForQuietStorageAsync(ct);
    }

    /// <summary>Polls until the CaseFy storage reads the same three times in a row, 300 ms apart.</summary>
    public async Task<StorageSnapshot> WaitForQuietStorageAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = await StorageSnapshot.TakeAsync(ConnectionString, TaskHub, cancellationToken);
        var same = 0;
        while (same < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The storage did not settle within a minute.");
            await Task.Delay(300, cancellationToken);
            var next = await StorageSnapshot.TakeAsync(ConnectionString, TaskHub, cancellationToken);
            same = last.DifferencesTo(next).Count == 0 ? same + 1 : 0;
            last = next;
        }

        return last;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    private async Task<int> ProbeAsync(HostileRoute route, string path, string? authorization, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(path, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }
}

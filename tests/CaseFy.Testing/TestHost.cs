using System.Net.Http.Headers;
using System.Net.Http.Json;
using CaseFy.Application.Access;
using CaseFy.LocalHost;
using CaseFy.LocalHost.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Testing;

/// <summary>
/// The real local host on free loopback ports, the API and the portal each on its own (real HTTP, real engine), wired
/// to a test's storage and task hub.
/// It runs in Development with the offline token issuer; <see cref="Api"/> is signed in as an admin.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string AdminName = "Test Admin";

    private readonly WebApplication _app;
    private readonly List<CaseFyClient> _clients = [];

    private TestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        PortalAddress = app.Services.GetRequiredService<PortalSite>().Address;
        Api = new CaseFyClient(new HttpClient { BaseAddress = address });
    }

    /// <summary>The API's address (<c>--urls</c>).</summary>
    public Uri Address { get; }

    /// <summary>The portal's address: its own origin, as in Azure (the API allows it through CORS).</summary>
    public Uri PortalAddress { get; }

    /// <summary>Signed in as <see cref="AdminName"/> (CaseFy.Admin) once <see cref="StartAsync"/> returns.</summary>
    public CaseFyClient Api { get; }

    /// <summary>The host's services, e.g. to enumerate the endpoints it maps.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A client with no token at all.</summary>
    public CaseFyClient Anonymous()
    {
        var client = new CaseFyClient(new HttpClient { BaseAddress = Address });
        _clients.Add(client);
        return client;
    }

    /// <summary>A client signed in as <paramref name="name"/> with <paramref name="roles"/>, through <c>POST /api/dev/token</c>.</summary>
    public async Task<CaseFyClient> SignInAsync(string name, params string[] roles)
    {
        var client = Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MintAsync(name, roles));
        return client;
    }

    /// <summary>A client signed in as <paramref name="name"/> whose token carries <paramref name="email"/> (claim <c>email</c>).</summary>
    public async Task<CaseFyClient> SignInWithEmailAsync(string name, string email, params string[] roles)
    {
        var client = Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MintTokenAsync(new { name, roles, email }));
        return client;
    }

    /// <summary>A development token for <paramref name="name"/> with <paramref name="roles"/>.</summary>
    public Task<string> MintAsync(string name, params string[] roles) => MintTokenAsync(new { name, roles });

    private async Task<string> MintTokenAsync(object request)
    {
        using var response = await Api.Http.PostAsJsonAsync(
            new Uri("/api/dev/token", UriKind.Relative), request, TestContext.Current.CancellationToken);
        await CaseFyClient.ExpectAsync(response, System.Net.HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(TestContext.Current.CancellationToken);
        return body!["accessToken"];
    }

    public static Task<TestHost> StartAsync(
        string connectionString, string taskHub, CancellationToken cancellationToken, params IEnumerable<string> settings) =>
        StartAsync(connectionString, taskHub, configureServices: null, cancellationToken, settings);

    /// <param name="configureServices">Last registrations before the host is built (e.g. an in-memory exporter).</param>
    public static Task<TestHost> StartAsync(
        string connectionString,
        string taskHub,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken,
        params IEnumerable<string> settings) =>
        StartWithArgumentsAsync(taskHub, [$"--Storage:ConnectionString={connectionString}", .. settings], configureServices, cancellationToken);

    /// <summary>A host on its own embedded Azurite, keeping its data in <paramref name="dataDirectory"/> (as a developer runs it).</summary>
    public static Task<TestHost> StartOnDataFolderAsync(
        string dataDirectory, CancellationToken cancellationToken, params IEnumerable<string> settings) =>
        StartWithArgumentsAsync(NewTaskHub(), [$"--data-dir={dataDirectory}", .. settings], configureServices: null, cancellationToken);

    private static async Task<TestHost> StartWithArgumentsAsync(
        string taskHub, IEnumerable<string> settings, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var app = await LocalHostApp.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--Durable:TaskHub={taskHub}",
            $"--Durable:WorkerId=tests-{taskHub}",
            "--Logging:LogLevel:Default=Warning",
            "--Webhooks:FirstRetryDelay=00:00:00.300",
            "--environment=Development",
            .. settings,
        ], configureServices, cancellationToken);
        await app.StartAsync(cancellationToken);
        var host = new TestHost(app, new Uri(app.Urls.First()));
        host.Api.Http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await host.MintAsync(AdminName, CaseFyRoles.Admin));
        return host;
    }

    public static string NewTaskHub() => "t" + Guid.NewGuid().ToString("N")[..16];

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

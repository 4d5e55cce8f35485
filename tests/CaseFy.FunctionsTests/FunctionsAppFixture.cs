using System.Net.Http.Headers;
using CaseFy.Functions.Http;
using CaseFy.LocalHost.Identity;
using CaseFy.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseFy.FunctionsTests;

/// <summary>
/// One Azurite, the local host on it, and the Functions app's HTTP side on the same storage and engine: a Kestrel
/// that, like the worker, routes every <c>/api</c> request to <see cref="HttpApiFunction"/> (the catch-all trigger's own
/// code) with the engine client its <c>[DurableClient]</c> binding would give. Only Entra ID is replaced: both hosts
/// accept the local host's offline-issuer tokens.
/// </summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    /// <summary>The portal's origin, allowed by both hosts' CORS.</summary>
    public const string PortalOrigin = "https://portal.casefy.test";

    private TestStorage? _storage;
    private WebApplication? _worker;
    private readonly List<HttpClient> _clients = [];

    public TestHost Local { get; private set; } = null!;

    public CaseFyFunctionsApp Functions { get; private set; } = null!;

    public Uri FunctionsAddress { get; private set; } = null!;

    /// <summary>Where the Functions app writes mail (.eml files); its loop never schedules digests here, only its timer.</summary>
    public string MailPickup { get; } = Directory.CreateTempSubdirectory("casefy-functions-mail-").FullName;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _storage = await TestStorage.StartAsync(ct);
        Local = await TestHost.StartAsync(_storage.ConnectionString, TestHost.NewTaskHub(), ct, $"--Portal:Origin={PortalOrigin}");

        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _storage.ConnectionString,
            ["Portal:Origin"] = PortalOrigin,
            ["Cors:AllowedOrigins:0"] = PortalOrigin,
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = DevIssuer.TenantId,
            ["AzureAd:ClientId"] = DevIssuer.ClientId,
            ["AzureAd:Audience"] = DevIssuer.Audience,
            ["Mail:PickupFolder"] = MailPickup,
            ["Mail:DigestHourUtc"] = "0",
            ["Mail:DigestCheckInterval"] = "1.00:00:00",
        }).Build();
        Functions = new CaseFyFunctionsApp(settings, NullLoggerFactory.Instance, services =>
        {
            services.AddSingleton(Local.Services.GetRequiredService<DevIssuer>());
            services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, DevIssuerJwtBearerSetup>();
        });
        await Functions.StartAsync(ct);

        var worker = WebApplication.CreateSlimBuilder();
        worker.WebHost.UseUrls("http://127.0.0.1:0");
        worker.Logging.ClearProviders();
        _worker = worker.Build();
        var trigger = new HttpApiFunction(Functions);
        var engineClient = Local.Services.GetRequiredService<DurableTaskClient>();
        // The worker executes the trigger's IActionResult; the trigger's EmptyResult adds nothing to the written answer.
        _worker.Map("/api/{**path}", (RequestDelegate)(async context => await trigger.RunAsync(context.Request, engineClient)));
        await _worker.StartAsync(ct);
        FunctionsAddress = new Uri(_worker.Urls.First());
    }

    /// <summary>A client of <paramref name="address"/>, with <paramref name="token"/> as its bearer token when given.</summary>
    public HttpClient Client(Uri address, string? token = null)
    {
        var client = new HttpClient { BaseAddress = address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        if (_worker is not null)
        {
            await _worker.StopAsync();
            await _worker.DisposeAsync();
        }

        if (Functions is not null)
        {
            await Functions.StopAsync(CancellationToken.None);
            await Functions.DisposeAsync();
        }

        if (Local is not null)
        {
            await Local.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        Directory.Delete(MailPickup, recursive: true);
    }
}

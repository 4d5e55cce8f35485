using CaseFy.Application.Access;
using CaseFy.Application.Http;
using CaseFy.Application.Templates;
using CaseFy.LocalHost.Apis;
using CaseFy.LocalHost.Engine;
using CaseFy.LocalHost.Identity;
using CaseFy.LocalHost.Portal;
using CaseFy.LocalHost.Samples;
using CaseFy.LocalHost.Storage;
using CaseFy.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CaseFy.LocalHost;

/// <summary>
/// Builds the local host: the HTTP API and the portal's static files on 127.0.0.1:7071, the Durable Task engine
/// over Azure Storage and, when no storage is configured, an embedded Azurite keeping its data in a folder.
/// It only wires things together; every rule lives in the application layer.
/// </summary>
public static class LocalHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    private static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--data-dir"] = "LocalHost:DataDirectory",
    };

    public const string SeedSamplesSwitch = "--seed-samples";

    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seedSamples = SeedSamplesRequested(args);
        args = [.. args.Where(a => a != SeedSamplesSwitch)];
        var repoRoot = RepoPaths.FindRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The built portal (eng/build-portal.mjs, run by this project's build): what Static Web Apps serves.
            WebRootPath = Path.Combine(repoRoot, "artifacts", "portal"),
        });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Before anything starts: refuses to run with the development issuer outside Development or off loopback.
        var devIssuer = DevIssuerGuard.Resolve(builder.Environment, builder.Configuration);

        var azurite = await StartEmbeddedStorageIfNeededAsync(builder.Configuration, repoRoot, cancellationToken);
        if (azurite is not null)
        {
            // Created by a factory so the container disposes it (stopping Azurite) after the engine has stopped.
            builder.Services.AddSingleton(_ => azurite);
        }

        // The development issuer first: it fills the AzureAd section that the pipeline's sign-in reads.
        if (devIssuer)
        {
            AddDevIssuer(builder);
        }

        builder.Services.AddCaseFyHttpPipeline(builder.Configuration);
        if (seedSamples || builder.Configuration.GetValue<bool>("LocalHost:SeedSamples"))
        {
            // Registered after the application's services: hosted services start in order, after the tables exist.
            builder.Services.AddHostedService(sp => new SampleSeeder(
                sp.GetRequiredService<TemplateService>(), Path.Combine(repoRoot, "samples", "templates"), sp.GetRequiredService<ILogger<SampleSeeder>>()));
        }

        builder.Services.AddLocalEngine();

        var app = builder.Build();
        if (azurite is not null)
        {
            app.Services.GetRequiredService<EmbeddedAzurite>();
        }

        app.UseCaseFyHttpPipeline(local => local.UsePortalStaticFiles());
        if (devIssuer)
        {
            app.MapDevTokenApi();
            app.MapDevOidcProvider();
        }
        app.Lifetime.ApplicationStarted.Register(() => LocalHostBanner.Print(app, azurite));
        return app;
    }

    // "--seed-samples" is a bare switch (the configuration's command line would take the next argument as its value).
    private static bool SeedSamplesRequested(string[] args) => args.Contains(SeedSamplesSwitch, StringComparer.Ordinal);
    // The offline issuer replaces Entra ID; Microsoft.Identity.Web still needs an AzureAd section to start.
    private static void AddDevIssuer(WebApplicationBuilder builder)
    {
        var azureAd = builder.Configuration.GetSection(AccessServiceCollectionExtensions.AzureAdSection);
        azureAd["Instance"] = "https://login.microsoftonline.com/";
        azureAd["TenantId"] = DevIssuer.TenantId;
        azureAd["ClientId"] = DevIssuer.ClientId;
        azureAd["Audience"] = DevIssuer.Audience;
        builder.Services.AddSingleton<DevIssuer>();
        builder.Services.AddSingleton<DevAuthorizationCodes>();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, DevIssuerJwtBearerSetup>();
        builder.Services.PostConfigure<SignInOptions>(options =>
        {
            // The portal signs in here as it would with Entra ID: OpenID Connect against this host's provider.
            options.DevIssuer = true;
            options.Authority = "/" + DevOidcProvider.Prefix;
            options.ClientId = DevIssuer.ClientId;
            options.Scopes = [$"{DevIssuer.Audience}/{AccessServiceCollectionExtensions.DefaultScope}"];
        });
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Add(DevTokenJsonContext.Default));
    }

    private static async Task<EmbeddedAzurite?> StartEmbeddedStorageIfNeededAsync(
        ConfigurationManager configuration, string repoRoot, CancellationToken cancellationToken)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(storage[nameof(StorageOptions.ConnectionString)])
            || !string.IsNullOrWhiteSpace(storage[nameof(StorageOptions.TableServiceUri)]))
        {
            return null;
        }

        var dataDirectory = configuration["LocalHost:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(repoRoot, ".casefy-data");
        var azurite = await EmbeddedAzurite.StartAsync(repoRoot, Path.Combine(dataDirectory, "azurite"), cancellationToken);
        storage[nameof(StorageOptions.ConnectionString)] = azurite.ConnectionString;
        return azurite;
    }
}

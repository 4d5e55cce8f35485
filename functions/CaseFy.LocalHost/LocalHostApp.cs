using CaseFy.Application.Access;
using CaseFy.Application.Http;
using CaseFy.Application.Mail;
using CaseFy.Application.Portal;
using CaseFy.Application.Telemetry;
using CaseFy.Application.Templates;
using CaseFy.LocalHost.Apis;
using CaseFy.LocalHost.Engine;
using CaseFy.LocalHost.Identity;
using CaseFy.LocalHost.Portal;
using CaseFy.LocalHost.Samples;
using CaseFy.LocalHost.Storage;
using CaseFy.Model.Ports;
using CaseFy.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace CaseFy.LocalHost;

/// <summary>
/// Builds the local host: the HTTP API on 127.0.0.1:7071 and the portal on its own origin, 127.0.0.1:7072
/// (<see cref="LocalOrigins"/>), the Durable Task engine over Azure Storage and, when no storage is configured, an
/// embedded Azurite keeping its data in a folder. It only wires things together; every rule lives in the
/// application layer.
/// </summary>
public static class LocalHostApp
{
    private static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--data-dir"] = "LocalHost:DataDirectory",
        [LocalOrigins.PortalUrlSwitch] = LocalOrigins.PortalUrlKey,
    };

    public const string SeedSamplesSwitch = "--seed-samples";

    /// <summary>Skips the samples a first start on an empty data folder loads.</summary>
    public const string NoSamplesSwitch = "--no-samples";

    public static Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default) =>
        BuildAsync(args, configureServices: null, cancellationToken);

    /// <param name="args">The command line.</param>
    /// <param name="configureServices">
    /// Tests: last registrations before the app is built (e.g. an in-memory exporter on the host's own OpenTelemetry).
    /// </param>
    /// <param name="cancellationToken">Stops the start-up (e.g. Azurite's).</param>
    public static async Task<WebApplication> BuildAsync(
        string[] args, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seedSamples = args.Contains(SeedSamplesSwitch, StringComparer.Ordinal);
        var noSamples = args.Contains(NoSamplesSwitch, StringComparer.Ordinal);
        args = [.. args.Where(a => a != SeedSamplesSwitch && a != NoSamplesSwitch)];
        var repoRoot = RepoPaths.FindRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The built portal (eng/build-portal.mjs, run by this project's build), served by the portal's own site;
            // the API serves none of it (only the development issuer's pages take its stylesheet).
            WebRootPath = Path.Combine(repoRoot, "artifacts", "portal"),
        });
        builder.Configuration.AddCommandLine(args, SwitchMappings);

        // A bad or stale token is answered 401; the identity libraries' per-request lines (IDX10511 logged as "fail",
        // "Failed to validate the token") would only bury the console. Warnings from elsewhere in them still show.
        builder.Logging.AddFilter("Microsoft.IdentityModel", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Authentication", LogLevel.Warning);
        // A stop (Ctrl+C, systemd, a container) ends within 10 s: what respects the token is cut at 7 s, the engine
        // bounds its own stop (Durable:StopTimeout), and Azurite is stopped after both.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(7));
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(LocalOrigins.DefaultApiUrl);
        }

        var portal = LocalOrigins.Portal(builder.Configuration);
        AddPortalSite(builder, portal, builder.Environment.WebRootPath);

        // Before anything starts: refuses to run with the development issuer outside Development or off loopback.
        var devIssuer = DevIssuerGuard.Resolve(builder.Environment, builder.Configuration);

        // The data folder: given with --data-dir, or .casefy-data/ when the host runs its own Azurite; none otherwise.
        var dataDirectory = DataDirectoryOf(builder.Configuration, repoRoot);
        var emptyDataFolder = dataDirectory is not null && !Directory.Exists(Path.Combine(dataDirectory, "azurite"));
        var azurite = await StartEmbeddedStorageIfNeededAsync(builder.Configuration, dataDirectory, repoRoot, cancellationToken);
        var firstStart = azurite is not null && emptyDataFolder && !noSamples;
        if (dataDirectory is not null)
        {
            LocalAppKey.Configure(builder.Configuration, dataDirectory);
            ConfigurePickupFolder(builder.Configuration, dataDirectory);
        }

        if (azurite is not null)
        {
            // Created by a factory so the container disposes it (stopping Azurite) after the engine has stopped.
            builder.Services.AddSingleton(_ => azurite);
        }

        // The development issuer first: it fills the AzureAd section that the pipeline's sign-in reads.
        if (devIssuer)
        {
            AddDevIssuer(builder, dataDirectory is null ? null : Path.Combine(dataDirectory, DevIssuerKeyFile.FileName));
        }

        builder.Services.AddCaseFyStorage();
        builder.Services.AddCaseFyHttpPipeline(builder.Configuration);
        builder.Services.AddCaseFyTelemetry().UseCaseFyLocalExporters(builder.Configuration);
        builder.Services.AddLocalEngine();
        if (firstStart || seedSamples || builder.Configuration.GetValue<bool>("LocalHost:SeedSamples"))
        {
            // Registered after the application's services and the engine: hosted services start in order.
            builder.Services.AddSingleton(new SampleSeeding(Path.Combine(repoRoot, "samples", "templates"), WithCases: firstStart));
            builder.Services.AddHostedService<SampleSeeder>();
        }

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        if (azurite is not null)
        {
            app.Services.GetRequiredService<EmbeddedAzurite>().Logger = app.Services.GetRequiredService<ILogger<EmbeddedAzurite>>();
        }

        if (devIssuer)
        {
            app.UseDevIssuerHostFilter();
        }

        app.UseCaseFyHttpPipeline();
        if (devIssuer)
        {
            app.MapDevTokenApi();
            app.MapDevOidcProvider();
        }
        app.Lifetime.ApplicationStarted.Register(() => LocalHostBanner.Print(app, azurite));
        return app;
    }

    /// <summary>
    /// The portal on its own origin, serving the built portal (eng/build-portal.mjs, run by this project's build):
    /// what Static Web Apps serves. Unless configured otherwise, it is the portal origin (<c>Portal:Origin</c>: where
    /// links point, where the development issuer sends the browser back), and that origin is the one the API allows
    /// (<c>Cors:AllowedOrigins</c>).
    /// </summary>
    private static void AddPortalSite(WebApplicationBuilder builder, Uri portal, string webRoot)
    {
        var originKey = $"{PortalOptions.SectionName}:{nameof(PortalOptions.Origin)}";
        if (string.IsNullOrEmpty(builder.Configuration[originKey]))
        {
            builder.Configuration[originKey] = LocalOrigins.Origin(portal);
        }

        if (!builder.Configuration.GetSection($"{CorsSettings.SectionName}:{nameof(CorsSettings.AllowedOrigins)}").GetChildren().Any())
        {
            builder.Configuration[$"{CorsSettings.SectionName}:{nameof(CorsSettings.AllowedOrigins)}:0"] = builder.Configuration[originKey]!.TrimEnd('/');
        }

        builder.Services.AddSingleton(sp => new PortalSite(
            portal, webRoot, sp.GetRequiredService<IServer>(), sp.GetRequiredService<IDocumentStore>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PortalSite>());
    }

    // "--seed-samples" and "--no-samples" are bare switches (the configuration's command line would take the next
    // argument as their value), so they are read and removed before it sees the arguments.
    // The offline issuer replaces Entra ID; Microsoft.Identity.Web still needs an AzureAd section to start.
    private static void AddDevIssuer(WebApplicationBuilder builder, string? keyFile)
    {
        var azureAd = builder.Configuration.GetSection(AccessServiceCollectionExtensions.AzureAdSection);
        azureAd["Instance"] = "https://login.microsoftonline.com/";
        azureAd["TenantId"] = DevIssuer.TenantId;
        azureAd["ClientId"] = DevIssuer.ClientId;
        azureAd["Audience"] = DevIssuer.Audience;
        builder.Services.AddSingleton(sp => new DevIssuer(sp.GetRequiredService<TimeProvider>(), keyFile));
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

    // Mail goes to .eml files in the data folder unless a way out is configured.
    private static void ConfigurePickupFolder(ConfigurationManager configuration, string dataDirectory)
    {
        var mail = configuration.GetSection(MailOptions.SectionName);
        if (string.IsNullOrEmpty(mail[nameof(MailOptions.PickupFolder)]) && string.IsNullOrEmpty(mail[nameof(MailOptions.AcsEndpoint)]))
        {
            mail[nameof(MailOptions.PickupFolder)] = Path.Combine(dataDirectory, "mail");
        }
    }

    private static bool StorageConfigured(ConfigurationManager configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName);
        return !string.IsNullOrWhiteSpace(storage[nameof(StorageOptions.ConnectionString)])
            || !string.IsNullOrWhiteSpace(storage[nameof(StorageOptions.TableServiceUri)]);
    }

    private static string? DataDirectoryOf(ConfigurationManager configuration, string repoRoot) =>
        configuration["LocalHost:DataDirectory"] is { Length: > 0 } configured ? Path.GetFullPath(configured)
        : StorageConfigured(configuration) ? null
        : Path.Combine(repoRoot, ".casefy-data");

    private static async Task<EmbeddedAzurite?> StartEmbeddedStorageIfNeededAsync(
        ConfigurationManager configuration, string? dataDirectory, string repoRoot, CancellationToken cancellationToken)
    {
        if (StorageConfigured(configuration) || dataDirectory is null)
        {
            return null;
        }

        var storage = configuration.GetSection(StorageOptions.SectionName);
        var azurite = await EmbeddedAzurite.StartAsync(repoRoot, Path.Combine(dataDirectory, "azurite"), cancellationToken);
        storage[nameof(StorageOptions.ConnectionString)] = azurite.ConnectionString;
        return azurite;
    }
}

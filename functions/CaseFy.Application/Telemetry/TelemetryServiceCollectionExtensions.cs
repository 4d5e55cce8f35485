using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CaseFy.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CaseFy.Application.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts: one trace per API request (ASP.NET Core), its storage calls and engine signals
/// (CaseFy's own spans, and the HTTP calls under them), the orchestration's activities and the event publication
/// (tagged with the case id), CaseFy's counters, and logs; with tokens and secrets redacted before any exporter.
/// Exporters are each host's choice: <see cref="UseCaseFyLocalExporters"/> or <see cref="UseCaseFyAzureMonitor"/>.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Local host: <c>true</c> prints spans and metrics to the console.</summary>
    public const string ConsoleSetting = "Telemetry:Console";

    /// <summary>The standard OTLP setting: when set, traces, metrics and logs go there.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard Application Insights setting: when set (in Azure), everything goes to Azure Monitor.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>ASP.NET Core's request logging (Information: method and full URL of every request).</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>ASP.NET Core's route matching (Debug: the request path).</summary>
    public const string RouteMatchingLogCategory = "Microsoft.AspNetCore.Routing.Matching";

    /// <summary>The Durable Task SDK's own spans (orchestrations and activities as the SDK sees them).</summary>
    private const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>
    /// Registers the instrumentation; nothing is exported until an exporter is added. Also keeps the two framework
    /// loggers that write raw request paths (a portal link's token is in its path) from writing them to any provider.
    /// </summary>
    public static IOpenTelemetryBuilder AddCaseFyTelemetry(this IServiceCollection services) =>
        services
            .AddLogging(logging => logging
                // "Request starting/finished {url}": the request span says the same with the path redacted.
                .AddFilter(RequestLogCategory, LogLevel.Warning)
                // Debug: "candidate(s) found for the request path '{path}'"; the matched route is logged anyway.
                .AddFilter(RouteMatchingLogCategory, LogLevel.Information))
            .AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(CaseFyTelemetry.Name, DurableTaskSource)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsGrpc(context.Request))
                .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = _ => IsPartOfATrace())
                .AddProcessor<RedactingActivityProcessor>())
            .WithMetrics(metrics => metrics
                .AddMeter(CaseFyTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(logging => logging.AddProcessor<RedactingLogProcessor>());

    /// <summary>Local host: the console when <see cref="ConsoleSetting"/> is true, OTLP when its endpoint is set; else quiet.</summary>
    public static IOpenTelemetryBuilder UseCaseFyLocalExporters(this IOpenTelemetryBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.ConfigureResource(resource => resource.AddService("CaseFy.LocalHost"));
        if (configuration.GetValue<bool>(ConsoleSetting))
        {
            builder.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            builder.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Azure: traces, metrics and logs to Application Insights when <see cref="AzureMonitorSetting"/> is set,
    /// authenticated with the managed identity named by <see cref="AzureMonitorAuthentication.SettingName"/>.
    /// </summary>
    public static IOpenTelemetryBuilder UseCaseFyAzureMonitor(this IOpenTelemetryBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[AzureMonitorSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        var authentication = AzureMonitorAuthentication.Parse(configuration[AzureMonitorAuthentication.SettingName]);
        return builder.UseAzureMonitorExporter(options =>
        {
            options.ConnectionString = connectionString;
            if (authentication.UsesEntraId)
            {
                options.Credential = new ManagedIdentityCredential(authentication.ClientId is null
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(authentication.ClientId));
            }
        });
    }

    // The local engine's sidecar is a gRPC server in the same process: its calls are the engine's plumbing, not API requests.
    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    // Outgoing calls are traced within a request, an activity or a publication; a background poll (the outbox's claim,
    // the engine's queue polling) on its own would be a trace of one HTTP call every few hundred milliseconds.
    private static bool IsPartOfATrace() => Activity.Current?.Parent is not null;
}

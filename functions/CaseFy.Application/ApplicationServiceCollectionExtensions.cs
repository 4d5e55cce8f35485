using System.Text.Json.Serialization.Metadata;
using CaseFy.Application.Apis;
using CaseFy.Application.Cases;
using CaseFy.Application.Documents;
using CaseFy.Application.Events;
using CaseFy.Application.Health;
using CaseFy.Application.Mail;
using CaseFy.Application.Notifications;
using CaseFy.Application.Portal;
using CaseFy.Application.Reports;
using CaseFy.Application.Security;
using CaseFy.Application.Templates;
using CaseFy.Application.Timeline;
using CaseFy.Model.Json;
using CaseFy.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CaseFy.Application;

/// <summary>
/// Everything both hosts register for the use cases: services, options, JSON and problem details. They depend on the
/// model's ports only; the hosts register the adapters behind them (<c>AddCaseFyStorage</c>).
/// </summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddCaseFyApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<TemplateService>();
        services.AddSingleton<ParticipantService>();
        services.AddSingleton<PortalLinkService>();
        services.AddSingleton<ConversationService>();
        services.AddSingleton<PortalRateLimiter>();
        services.AddSingleton<Intake.IntakeService>();
        services.AddSingleton<Intake.IntakeRateLimiter>();
        services.AddOptions<Intake.IntakeOptions>()
            .BindConfiguration(Intake.IntakeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<HealthService>();
        services.AddSingleton<TimelineService>();
        services.AddSingleton<BoardService>();
        services.AddSingleton<MetricsService>();
        services.AddSingleton<MetricsRebuild>();
        services.AddSingleton<Events.ILifecycleConsumer, MetricsUpdater>();
        services.AddSingleton<InboxService>();
        services.AddOptions<DocumentOptions>()
            .BindConfiguration(DocumentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ServerKeys>();
        services.AddSingleton<SealedTokens>();
        services.AddSingleton<PortalTokenMinter>();
        services.AddSingleton<UploadMetadataSigner>();
        services.AddSingleton<IDocumentUploadRecorder, DocumentUploadRecorder>();
        services.AddSingleton<DocumentUploadService>();
        services.AddSingleton<DocumentDownload>();
        services.AddCaseFyEvents();
        services.AddCaseFyMail();
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) => options.AllowLoopback = environment.IsDevelopment())
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        services.AddSingleton<WebhookConnector>();
        services.AddHttpClient<WebhookSender>()
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<WebhookConnector>().CreateHandler());
        services.AddProblemDetails();
        services.AddCaseFyOpenApi();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, CaseFyJsonContext.Default.WithAddedModifier(CaseResponseContract.LeaveOutPortalLinks));
            options.SerializerOptions.TypeInfoResolverChain.Insert(1, ApiJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(2, RequestJsonContext.Default);
        });
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseFy.Application.Events;

/// <summary>Registers lifecycle event publishing (both hosts) and the inbound Event Grid handling.</summary>
public static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddCaseFyEvents(this IServiceCollection services)
    {
        services.AddOptions<EventsOptions>()
            .BindConfiguration(EventsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ILifecycleEventSender, EventGridLifecycleEventSender>();
        services.AddHostedService<LifecycleEventPublisher>();

        // The documents feature registers the real recorder; until then uploads are reported as not recordable.
        services.TryAddSingleton<IDocumentUploadRecorder, UnavailableDocumentUploadRecorder>();
        return services;
    }
}

using CaseFy.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddSingleton<ILifecycleConsumer, InboxFeeder>();
        services.AddSingleton<LifecycleConsumers>();
        // One instance: the hosted loop and the Functions app's timer share its state.
        services.AddSingleton<LifecycleEventPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<LifecycleEventPublisher>());

        return services;
    }
}

using CaseFy.Application.Events;
using CaseFy.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Functions.Events;

/// <summary>
/// On Flex Consumption an instance lives only while it has work, and the app's hosted publisher with it: this timer
/// wakes the app to publish what is due (the same <see cref="LifecycleEventPublisher"/> rounds), so lifecycle events
/// never wait for the next HTTP request.
/// </summary>
public sealed class LifecycleEventsFunction(CaseFyFunctionsApp app)
{
    /// <summary>Every 30 seconds (NCRONTAB, seconds first).</summary>
    public const string Schedule = "*/30 * * * * *";

    public const string Name = "PublishLifecycleEvents";

    [Function(Name)]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        app.Services.GetRequiredService<LifecycleEventPublisher>().PublishDueAsync(cancellationToken);
}

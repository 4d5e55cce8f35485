using System.Text.Json;
using Azure;
using Azure.Identity;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using CaseFy.Model.Events;
using CaseFy.Model.Json;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Events;

/// <summary>
/// Publishes lifecycle events as CloudEvents 1.0 to an Event Grid topic with <see cref="EventGridPublisherClient"/>:
/// managed identity by default, an access key only when <see cref="EventsOptions.TopicKey"/> is configured.
/// </summary>
public sealed class EventGridLifecycleEventSender : ILifecycleEventSender
{
    private readonly EventGridPublisherClient? _client;

    public EventGridLifecycleEventSender(IOptions<EventsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.TopicEndpoint is null)
        {
            return;
        }

        var clientOptions = new EventGridPublisherClientOptions();

        // The outbox retries with its own back-off and keeps order; the SDK's quick retries only smooth blips.
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        _client = string.IsNullOrEmpty(settings.TopicKey)
            ? new EventGridPublisherClient(
                settings.TopicEndpoint,
                new DefaultAzureCredential(new DefaultAzureCredentialOptions
                {
                    ManagedIdentityClientId = string.IsNullOrWhiteSpace(settings.ClientId) ? null : settings.ClientId,
                }),
                clientOptions)
            : new EventGridPublisherClient(settings.TopicEndpoint, new AzureKeyCredential(settings.TopicKey), clientOptions);
    }

    public bool IsEnabled => _client is not null;

    public async Task SendAsync(IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_client is null || events.Count == 0)
        {
            return;
        }

        await _client.SendEventsAsync(events.Select(ToCloudEvent), cancellationToken);
    }

    /// <summary>The wire form of a lifecycle event (also what the feed's items look like).</summary>
    public static CloudEvent ToCloudEvent(LifecycleEvent lifecycleEvent)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        var data = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(lifecycleEvent.Data, CaseFyJsonContext.Default.LifecycleEventData));
        return new CloudEvent(lifecycleEvent.Source, lifecycleEvent.Type, data, lifecycleEvent.DataContentType, CloudEventDataFormat.Json)
        {
            Id = lifecycleEvent.Id,
            Subject = lifecycleEvent.Subject,
            Time = lifecycleEvent.Time,
        };
    }
}

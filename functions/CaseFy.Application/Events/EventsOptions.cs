using System.ComponentModel.DataAnnotations;

namespace CaseFy.Application.Events;

/// <summary>
/// Lifecycle events out and Event Grid in (configuration section <c>Events</c>). Without <see cref="TopicEndpoint"/>
/// nothing is published to Event Grid, but events are still released to the <c>GET /api/events</c> feed.
/// </summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>The Event Grid topic endpoint (CloudEvents schema), e.g. <c>https://….eventgrid.azure.net/api/events</c>.</summary>
    public Uri? TopicEndpoint { get; set; }

    /// <summary>A topic access key; only for development and tests. Without it the managed identity is used.</summary>
    public string? TopicKey { get; set; }

    /// <summary>The client id of the user-assigned managed identity that may send to the topic.</summary>
    public string? ClientId { get; set; }

    /// <summary>The shared secret Event Grid sends in the <see cref="InboundSecret.HeaderName"/> header of the inbound webhook; unset = webhook closed.</summary>
    public string? InboundSecret { get; set; }

    /// <summary>How often the publisher looks for due events when the last look found none.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry delay after a failed publish; it doubles per failure up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "06:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the outbox is scanned for cases whose pointer a dead process never wrote.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a publisher holds a case; another instance takes it over after that.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    public bool PublishesToEventGrid => TopicEndpoint is not null;
}

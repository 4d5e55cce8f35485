using CaseFy.Model.Events;

namespace CaseFy.Application.Events;

/// <summary>Sends lifecycle events to where subscribers get them (Event Grid in Azure).</summary>
public interface ILifecycleEventSender
{
    /// <summary>Whether a destination is configured; when not, events only go to the feed.</summary>
    bool IsEnabled { get; }

    /// <summary>Sends the events in one request, in order; throws when the destination did not accept them all.</summary>
    Task SendAsync(IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken);
}

using CaseFy.Model.Timeline;

namespace CaseFy.Application.Events;

/// <summary>
/// Something kept up to date from the outbox beside Event Grid (metrics, and the like). The publisher hands each
/// consumer a case's due entries before it sends them; a failing consumer keeps them due and the whole batch is
/// retried, so a consumer must be idempotent (the outbox delivers at least once).
/// </summary>
public interface ILifecycleConsumer
{
    Task ConsumeAsync(string caseId, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken);
}

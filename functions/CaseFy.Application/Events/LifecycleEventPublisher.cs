using CaseFy.Model.Events;
using CaseFy.Model.Ports;
using CaseFy.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Events;

/// <summary>
/// Empties the outbox: claims cases with due lifecycle entries, and per case, oldest first, releases them to the
/// events feed, hands the case to the <see cref="ILifecycleConsumer"/>s (metrics, the notifications inbox: the case
/// and the timeline range they need read once, see <see cref="LifecycleConsumers"/>), sends the entries to Event Grid
/// (when configured) and only then marks them published. A failure keeps the case's entries due and retries it with
/// exponential back-off (a consumer's failure delays the Event Grid send; nothing is sent twice for it); a stopped or
/// crashed host resumes from the outbox on its next start. Per-case order holds because a case's next batch waits for
/// the previous one. A case is also claimed for entries that only notify: then the batch has no due entries.
/// </summary>
/// <remarks>
/// It runs as a hosted service in both hosts. On Flex Consumption an instance only lives while it has work, so the
/// Functions app also runs <see cref="PublishDueAsync"/> on a timer: events never wait for the next request.
/// </remarks>
public sealed partial class LifecycleEventPublisher(
    IEventOutbox outbox,
    ILifecycleEventSender sender,
    LifecycleConsumers consumers,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<LifecycleEventPublisher> logger) : BackgroundService
{
    private const int CasesPerRound = 16;
    private const int EntriesPerBatch = 99;

    // How long a stopping host may finish the batch in hand, so a graceful stop does not send anything twice.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly EventsOptions _options = options.Value;

    // When lost outbox pointers are next looked for (shared by the loop and the timer's calls; a race only sweeps twice).
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sender.IsEnabled)
        {
            Log.PublishingOff(logger);
        }

        using var drain = new CancellationTokenSource();
        using var onStop = stoppingToken.Register(() => drain.CancelAfter(DrainTimeout));
        await OutboxRounds.RunAsync(
            ct => PublishRoundAsync(ct, drain.Token), _options.PollInterval, time, ex => Log.OutboxUnavailable(logger, ex), stoppingToken);
    }

    /// <summary>
    /// Publishes everything due now, round after round until a round finds nothing: what the Functions app's timer
    /// runs (its instances live only while they have work), the same rounds as this service's loop.
    /// </summary>
    /// <returns>How many case batches were handled.</returns>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        for (int claimed; (claimed = await PublishRoundAsync(cancellationToken, cancellationToken)) > 0;)
        {
            handled += claimed;
        }

        return handled;
    }

    // One round: repair lost outbox pointers when the sweep interval is up, claim due cases, publish each.
    private async Task<int> PublishRoundAsync(CancellationToken cancellationToken, CancellationToken publishToken)
    {
        if (time.GetUtcNow() >= _nextSweep)
        {
            var repaired = await outbox.RepairAsync(cancellationToken);
            if (repaired > 0)
            {
                Log.PointersRepaired(logger, repaired);
            }

            _nextSweep = time.GetUtcNow() + _options.SweepInterval;
        }

        var claims = await outbox.ClaimAsync(CasesPerRound, _options.ClaimLease, cancellationToken);
        foreach (var claim in claims)
        {
            await PublishCaseAsync(claim, publishToken);
        }

        return claims.Count;
    }

    private async Task PublishCaseAsync(OutboxClaim claim, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartEventPublication(claim.CaseId);
        try
        {
            var read = await outbox.ReadDueAsync(claim.CaseId, EntriesPerBatch, cancellationToken);
            span?.SetTag(CaseFyTags.EventCount, read.Count);
            if (read.Count > 0)
            {
                await outbox.AppendToFeedAsync(claim.CaseId, read, cancellationToken);
            }

            var due = read.Select(r => r.Entry).ToList();
            var caughtUp = await consumers.HandOutAsync(claim.CaseId, due, cancellationToken);
            if (due.Count > 0)
            {
                await sender.SendAsync(due.Select(LifecycleEvents.From).ToList(), cancellationToken);
                await outbox.MarkPublishedAsync(claim.CaseId, due, cancellationToken);
                CaseFyMetrics.RecordPublished(due, time.GetUtcNow());
            }

            await outbox.ReleaseAsync(claim, drained: due.Count < EntriesPerBatch && caughtUp, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            span.Fail(ex);
            var retryAfter = RetryDelay(claim.FailedAttempts);
            Log.PublishFailed(logger, claim.CaseId, claim.FailedAttempts + 1, retryAfter, ex);
            try
            {
                await outbox.DeferAsync(claim, retryAfter, cancellationToken);
            }
            catch (Exception deferFailure) when (deferFailure is not OperationCanceledException)
            {
                // The claim's lease runs out on its own; the case is retried then.
                Log.OutboxUnavailable(logger, deferFailure);
            }
        }
    }

    private TimeSpan RetryDelay(int failedAttempts) => RetryBackoff.Delay(_options.RetryBaseDelay, _options.RetryMaxDelay, failedAttempts);

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
            Message = "Publishing lifecycle events to Event Grid is off (no Events:TopicEndpoint): events go to the GET /api/events feed only.")]
        public static partial void PublishingOff(ILogger logger);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Warning,
            Message = "Publishing the events of case {CaseId} failed (attempt {Attempt}); retrying in {RetryAfter}.")]
        public static partial void PublishFailed(ILogger logger, string caseId, int attempt, TimeSpan retryAfter, Exception exception);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "The outbox could not be read; trying again shortly.")]
        public static partial void OutboxUnavailable(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Repaired {Count} outbox pointers a stopped process had not written.")]
        public static partial void PointersRepaired(ILogger logger, int count);
    }
}

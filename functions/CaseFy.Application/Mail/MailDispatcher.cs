using CaseFy.Application.Events;
using CaseFy.Application.Portal;
using CaseFy.Model.Cases;
using CaseFy.Model.Mail;
using CaseFy.Model.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFy.Application.Mail;

/// <summary>
/// Sends the mail outbox's due deliveries, on its own loop: a slow or failing mail service delays only mail, never the
/// lifecycle publisher or the other consumers. Per delivery: look up the link (still active, still with an address),
/// make its token again (<see cref="PortalTokenMinter"/>), write the message, hand it to the <see cref="IMailSender"/>;
/// a failure is retried with exponential back-off until <see cref="MailOptions.MaxAttempts"/>. The outcome is kept on
/// the delivery's row first, then put on the timeline (<c>NotificationMailed</c> / <c>NotificationMailFailed</c>), then
/// the row is removed: a crash after the send never sends again, and a crash after the record never records twice.
/// A team member's mail (<see cref="MailDelivery.Team"/>) is written by <see cref="TeamMailWriter"/>, logged and removed,
/// with no timeline entry; the loop also queues due daily digests (<see cref="TeamDigestScheduler"/>).
/// </summary>
/// <remarks>
/// A hosted service in both hosts. On Flex Consumption an instance lives only while it has work, so the Functions
/// app also runs <see cref="DeliverDueAsync"/> on a timer. Nothing it logs carries a token, a link or an address.
/// </remarks>
public sealed partial class MailDispatcher(
    IMailOutbox outbox,
    ICaseStore cases,
    IMailSender sender,
    PortalTokenMinter tokens,
    IOptions<MailOptions> options,
    IOptions<PortalOptions> portal,
    TeamMailWriter teamMail,
    TeamDigestScheduler digests,
    TimeProvider time,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    private const int DeliveriesPerRound = 16;

    private readonly MailOptions _options = options.Value;

    // When the loop next looks for due digests (the timer's rounds always look).
    private DateTimeOffset _nextDigestCheck = time.GetUtcNow() + options.Value.DigestCheckInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.IsEnabled)
        {
            return;
        }

        await OutboxRounds.RunAsync(DeliverRoundAsync, _options.PollInterval, time, ex => Log.OutboxUnavailable(logger, ex), stoppingToken);
    }

    /// <summary>Sends everything due now, round after round until a round finds nothing (what the Functions app's timer runs).</summary>
    /// <returns>How many deliveries were handled.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsEnabled)
        {
            return 0;
        }

        await digests.ScheduleAsync(time.GetUtcNow(), cancellationToken);
        var handled = 0;
        for (int round; (round = await DeliverRoundAsync(cancellationToken)) > 0;)
        {
            handled += round;
        }

        return handled;
    }

    private async Task<int> DeliverRoundAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() is var now && now >= _nextDigestCheck)
        {
            _nextDigestCheck = now + _options.DigestCheckInterval;
            await digests.ScheduleAsync(now, cancellationToken);
        }

        var claims = await outbox.ClaimDueAsync(DeliveriesPerRound, _options.ClaimLease, cancellationToken);
        foreach (var claim in claims)
        {
            try
            {
                await DeliverAsync(claim, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Storage failed around the send: the claim's lease runs out and the delivery is tried again then.
                Log.DeliveryInterrupted(logger, claim.Delivery.Id, ex);
            }
        }

        return claims.Count;
    }

    private async Task DeliverAsync(MailClaim claim, CancellationToken cancellationToken)
    {
        var delivery = claim.Delivery;
        if (delivery.Team is not null)
        {
            await DeliverToTeamAsync(claim, cancellationToken);
            return;
        }

        if (await cases.GetAsync(delivery.CaseId, cancellationToken) is not { } current)
        {
            await outbox.RemoveAsync(claim, cancellationToken);
            return;
        }

        if (claim.Outcome is null)
        {
            var outcome = await SendAsync(claim, current, cancellationToken);
            if (outcome is null)
            {
                return;
            }

            if (await outbox.SettleAsync(claim, outcome, current.TimelineLength, cancellationToken) is not { } settled)
            {
                return;
            }

            claim = settled;
        }

        await RecordAsync(claim, cancellationToken);
        await outbox.RemoveAsync(claim, cancellationToken);
    }

    // The send; null when it failed and is retried later.
    private async Task<MailOutcome?> SendAsync(MailClaim claim, CaseRecord current, CancellationToken cancellationToken)
    {
        var delivery = claim.Delivery;
        var link = current.PortalLinks.FirstOrDefault(l => l.Id == delivery.LinkId);
        if (link is not { Email.Length: > 0 } || !link.IsActiveAt(time.GetUtcNow()))
        {
            return MailOutcome.GivenUp(claim.FailedAttempts, MailRecords.LinkInactiveReason);
        }

        if (tokens.TokenOf(current.Id, link) is not { } token)
        {
            return MailOutcome.GivenUp(claim.FailedAttempts, MailRecords.LinkNotDerivableReason);
        }

        if (portal.Value.Origin is not { Length: > 0 } origin)
        {
            return MailOutcome.GivenUp(claim.FailedAttempts, MailRecords.NoPortalOriginReason);
        }

        var url = portal.Value.LinkUrl(origin, token);
        return await TrySendAsync(claim, MailComposer.ToOutsideParty(delivery, current, link, url, Sender), cancellationToken);
    }

    // A team member's mail: sent (or not wanted any more), then logged and removed; it is no entry of any case's timeline.
    private async Task DeliverToTeamAsync(MailClaim claim, CancellationToken cancellationToken)
    {
        var draft = await teamMail.WriteAsync(claim.Delivery, Sender, cancellationToken);
        var outcome = draft.Message is { } message
            ? await TrySendAsync(claim, message, cancellationToken)
            : MailOutcome.GivenUp(claim.FailedAttempts, draft.NotSentReason!);
        if (outcome is null)
        {
            return;
        }

        if (outcome.Mailed)
        {
            Log.TeamMailSent(logger, claim.Delivery.Id, claim.Delivery.Kind, outcome.Attempts);
        }
        else
        {
            Log.TeamMailNotSent(logger, claim.Delivery.Id, claim.Delivery.Kind, outcome.Attempts, outcome.Reason!);
        }

        await outbox.RemoveAsync(claim, cancellationToken);
    }

    // Hands the message over; the outcome, or null when it failed and is retried later (the delivery is deferred).
    private async Task<MailOutcome?> TrySendAsync(MailClaim claim, MimeMessage message, CancellationToken cancellationToken)
    {
        var delivery = claim.Delivery;
        var attempts = claim.FailedAttempts + 1;
        try
        {
            await sender.SendAsync(message, delivery.Id, cancellationToken);
            return MailOutcome.Sent(attempts);
        }
        catch (MailDeliveryException ex)
        {
            if ((!ex.IsTransient && ex.InnerException is null) || attempts >= _options.MaxAttempts)
            {
                Log.GivenUp(logger, delivery.Id, attempts, ex);
                return MailOutcome.GivenUp(attempts, MailRecords.RefusedReason);
            }

            var retryAfter = RetryDelay(claim.FailedAttempts);
            Log.SendFailed(logger, delivery.Id, attempts, retryAfter, ex);
            await outbox.DeferAsync(claim, retryAfter, cancellationToken);
            return null;
        }
    }

    private MailboxAddress Sender => new(_options.SenderName, _options.SenderAddress!);

    // Appends the outcome unless an interrupted earlier recording did (searched from where the outcome was kept).
    private async Task RecordAsync(MailClaim claim, CancellationToken cancellationToken)
    {
        var delivery = claim.Delivery;
        await foreach (var entry in cases.ReadTimelineAsync(delivery.CaseId, claim.FromSeq, beforeSeq: null, cancellationToken))
        {
            if (MailRecords.Records(entry, delivery.Id))
            {
                return;
            }
        }

        await cases.UpdateAsync(delivery.CaseId, c => MailRecords.Record(c, delivery, claim.Outcome!, time.GetUtcNow()), cancellationToken);
    }

    private TimeSpan RetryDelay(int failedAttempts) => Events.RetryBackoff.Delay(_options.RetryBaseDelay, _options.RetryMaxDelay, failedAttempts);

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, Level = LogLevel.Warning,
            Message = "Mail {DeliveryId} could not be sent (attempt {Attempt}); retrying in {RetryAfter}.")]
        public static partial void SendFailed(ILogger logger, string deliveryId, int attempt, TimeSpan retryAfter, Exception exception);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Mail {DeliveryId} was given up after {Attempts} attempts.")]
        public static partial void GivenUp(ILogger logger, string deliveryId, int attempts, Exception exception);

        [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "The mail outbox could not be read; trying again shortly.")]
        public static partial void OutboxUnavailable(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Team mail {DeliveryId} ({Kind}) was sent after {Attempts} attempts.")]
        public static partial void TeamMailSent(ILogger logger, string deliveryId, string kind, int attempts);

        [LoggerMessage(EventId = 6106, Level = LogLevel.Information, Message = "Team mail {DeliveryId} ({Kind}) was not sent after {Attempts} attempts: {Reason}.")]
        public static partial void TeamMailNotSent(ILogger logger, string deliveryId, string kind, int attempts, string reason);

        [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Mail {DeliveryId} was interrupted; it is tried again when its claim runs out.")]
        public static partial void DeliveryInterrupted(ILogger logger, string deliveryId, Exception exception);
    }
}

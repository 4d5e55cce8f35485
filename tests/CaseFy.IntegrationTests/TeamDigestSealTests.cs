using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CaseFy.Application.Documents;
using CaseFy.Application.Mail;
using CaseFy.Application.Portal;
using CaseFy.Application.Security;
using CaseFy.Model.Mail;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;
using CaseFy.Storage;
using CaseFy.Storage.Tables;
using CaseFy.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CaseFy.IntegrationTests;

/// <summary>
/// A digest is sealed when its mail is written: two instances schedule the same person's digest, the first one's mail
/// goes out, and a notification that reached the inbox in between is in the next day's digest, once, whether the
/// second scheduler marks after the seal or was about to mark as the seal was written. The scheduler, the dispatcher
/// and the stores are the real ones on Azurite, driven step by step in that order with a fake clock; the second
/// instance's stale view is the list of people it read before the first marked the day done.
/// </summary>
public sealed class TeamDigestSealTests
{
    private const string Person = "lena-late";
    private const string Origin = "https://casefy.example";

    private static readonly DateOnly Day1 = new(2026, 3, 2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Digest_SecondSchedulerRunsAfterTheMailWasWritten_LateNotificationIsInTheNextDigestOnce()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var rig = await Rig.CreateAsync(storage.ConnectionString);
        var listedByB = await rig.ReadyAsync();
        var b = rig.Scheduler(new ListedEarlier(rig.Settings, listedByB), rig.Inbox);

        Assert.Equal(1, await rig.A.ScheduleAsync(rig.Time.GetUtcNow(), Ct));   // A marks "in time" and queues the digest
        Assert.Equal(1, await rig.Dispatcher.DeliverDueAsync(Ct));              // its mail is written (sealed) and sent
        await rig.AddAsync("case-late", At(Day1, 7).AddMinutes(-1));            // an entry before the hour, written late
        Assert.Equal(0, await b.ScheduleAsync(rig.Time.GetUtcNow(), Ct));       // B still sees the day as due
        Assert.Equal(0, await rig.Dispatcher.DeliverDueAsync(Ct));

        await rig.NextDayAsync();
        Assert.Equal([(Id(Day1), "case-in-time"), (Id(Day1.AddDays(1)), "case-late")], rig.Sent);
        // The seal's row in the person's inbox partition is no notification.
        var inbox = await rig.Inbox.ListAsync(Person, unreadOnly: false, continuationToken: null, pageSize: 10, Ct);
        Assert.Equal(["case-in-time", "case-late"], inbox.Items.Select(n => n.CaseId).Order(StringComparer.Ordinal));
        Assert.Equal(2, await rig.Inbox.MarkAllReadAsync(Person, Ct));
    }

    [Fact]
    public async Task Digest_MailWrittenWhileSecondSchedulerIsAboutToMark_LateNotificationIsInTheNextDigestOnce()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var rig = await Rig.CreateAsync(storage.ConnectionString);
        var listedByB = await rig.ReadyAsync();
        var deliveredInBetween = 0;
        var beforeMarking = new BeforeFirstBatch(async () => deliveredInBetween = await rig.Dispatcher.DeliverDueAsync(Ct));
        var b = rig.Scheduler(new ListedEarlier(rig.Settings, listedByB), new TableNotificationStore(rig.TablesThrough(beforeMarking)));

        Assert.Equal(1, await rig.A.ScheduleAsync(rig.Time.GetUtcNow(), Ct));
        await rig.AddAsync("case-late", At(Day1, 7).AddMinutes(-1));
        // B has read what to mark ("case-late"); the first mail is written and sent just before B's marking reaches storage.
        Assert.Equal(0, await b.ScheduleAsync(rig.Time.GetUtcNow(), Ct));
        Assert.Equal(1, deliveredInBetween);
        Assert.Equal(0, await rig.Dispatcher.DeliverDueAsync(Ct));

        await rig.NextDayAsync();
        Assert.Equal([(Id(Day1), "case-in-time"), (Id(Day1.AddDays(1)), "case-late")], rig.Sent);
    }

    private static DateTimeOffset At(DateOnly day, int hourUtc) => new(day.ToDateTime(new TimeOnly(hourUtc, 0), DateTimeKind.Utc));

    private static string Id(DateOnly day) => TeamMailRules.DigestId(Person, day);

    /// <summary>One installation's mail on its own tables: the stores, scheduler A, the dispatcher, every mail sent.</summary>
    private sealed class Rig
    {
        private readonly string _connectionString;
        private readonly IOptions<StorageOptions> _storage;
        private readonly IOptions<MailOptions> _mail;
        private readonly RecordingMailSender _sender = new();
        private long _seq;

        private Rig(string connectionString, CaseFyTables tables, IOptions<StorageOptions> storage)
        {
            _connectionString = connectionString;
            _storage = storage;
            _mail = Options.Create(new MailOptions { PickupFolder = Path.Combine(Path.GetTempPath(), "casefy-digest-seal", Guid.NewGuid().ToString("N")), DigestHourUtc = 7 });
            Settings = new TableTeamMailSettings(tables);
            Inbox = new TableNotificationStore(tables);
            Outbox = new TableMailOutbox(tables, Time);
            A = Scheduler(Settings, Inbox);
            var portal = Options.Create(new PortalOptions { Origin = Origin });
            var cases = new TableCaseStore(tables);
            Dispatcher = new MailDispatcher(
                Outbox, cases, _sender, new PortalTokenMinter(new ServerKeys(Options.Create(new DocumentOptions()))), _mail, portal,
                new TeamMailWriter(Settings, Inbox, cases, portal), A, Time, NullLogger<MailDispatcher>.Instance);
        }

        public FakeTimeProvider Time { get; } = new(At(Day1, 7).AddSeconds(5));

        public TableTeamMailSettings Settings { get; }

        public TableNotificationStore Inbox { get; }

        public TableMailOutbox Outbox { get; }

        public TeamDigestScheduler A { get; }

        public MailDispatcher Dispatcher { get; }

        /// <summary>Each mail sent, in order: its delivery id and the cases it lists.</summary>
        public IEnumerable<(string DeliveryId, string Cases)> Sent => _sender.Sent.Select(s => (s.DeliveryId, string.Join(",", s.Cases)));

        public static async Task<Rig> CreateAsync(string connectionString)
        {
            var (tables, storage) = await IsolatedTables.CreateAsync(connectionString, Ct);
            return new Rig(connectionString, tables, storage);
        }

        public TeamDigestScheduler Scheduler(ITeamMailSettings settings, INotificationStore inbox) => new(settings, inbox, Outbox, _mail);

        /// <summary>The same tables through a client that runs <paramref name="policy"/> on each request.</summary>
        public CaseFyTables TablesThrough(HttpPipelinePolicy policy)
        {
            var options = new TableClientOptions();
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
            return new CaseFyTables(new TableServiceClient(_connectionString, options), _storage);
        }

        /// <summary>
        /// The person chose a daily digest yesterday and had one ("case-in-time", before the hour) in the inbox; the
        /// people with a daily digest as an instance lists them before anyone scheduled day 1's.
        /// </summary>
        public async Task<IReadOnlyList<TeamMailSetting>> ReadyAsync()
        {
            await Settings.SaveAsync(new TeamMailSetting(Person, TeamMailDeliveries.DailyDigest, "lena@example.org", At(Day1, 7).AddDays(-1)), Ct);
            await AddAsync("case-in-time", At(Day1, 5));
            return await Settings.ListAsync(TeamMailDeliveries.DailyDigest, Ct);
        }

        /// <summary>A notification in the person's inbox as the feeder writes them, of an entry at <paramref name="at"/> on <paramref name="caseId"/>.</summary>
        public Task AddAsync(string caseId, DateTimeOffset at)
        {
            var seq = ++_seq;
            return Inbox.AddAsync(
                [(Person, new Notification($"{NotificationRules.KeyPrefixOf(at)}-{caseId}-{seq}", NotificationKinds.Mentioned, caseId, "A case", $"{caseId}-{seq}", at, "Ann Admin", "text", Read: false))],
                Ct);
        }

        /// <summary>Day 2's digest, scheduled and sent.</summary>
        public async Task NextDayAsync()
        {
            Time.SetUtcNow(At(Day1.AddDays(1), 7).AddSeconds(5));
            await A.ScheduleAsync(Time.GetUtcNow(), Ct);
            await Dispatcher.DeliverDueAsync(Ct);
        }
    }

    /// <summary>Another instance's view of the people with a daily digest, as it read them earlier; the rest is current.</summary>
    private sealed class ListedEarlier(ITeamMailSettings current, IReadOnlyList<TeamMailSetting> listed) : ITeamMailSettings
    {
        public Task<TeamMailSetting?> GetAsync(string personId, CancellationToken cancellationToken) => current.GetAsync(personId, cancellationToken);

        public Task SaveAsync(TeamMailSetting setting, CancellationToken cancellationToken) => current.SaveAsync(setting, cancellationToken);

        public Task<IReadOnlyList<TeamMailSetting>> ListAsync(string delivery, CancellationToken cancellationToken) => Task.FromResult(listed);

        public Task MarkDigestedAsync(string personId, string day, DateTimeOffset until, CancellationToken cancellationToken) =>
            current.MarkDigestedAsync(personId, day, until, cancellationToken);
    }

    /// <summary>Runs <paramref name="step"/> once, just before the first entity-group transaction goes to storage.</summary>
    private sealed class BeforeFirstBatch(Func<Task> step) : HttpPipelinePolicy
    {
        private int _done;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref _done, 1) == 0)
            {
                await step();
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The stores call storage asynchronously.");
    }

    /// <summary>The mail service: keeps each mail it is handed (the cases each lists, by their links).</summary>
    private sealed class RecordingMailSender : IMailSender
    {
        public ConcurrentQueue<(string DeliveryId, IReadOnlyList<string> Cases)> Sent { get; } = new();

        public Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            var cases = (message.TextBody ?? string.Empty).Split('\n')
                .Where(line => line.StartsWith(Origin + "/#/cases/", StringComparison.Ordinal))
                .Select(line => line.Trim()[(Origin.Length + "/#/cases/".Length)..])
                .Order(StringComparer.Ordinal)
                .ToList();
            Sent.Enqueue((deliveryId, cases));
            return Task.CompletedTask;
        }
    }
}

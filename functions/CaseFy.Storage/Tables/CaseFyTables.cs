using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace CaseFy.Storage.Tables;

/// <summary>The tables CaseFy uses, named from one prefix so several installations can share an account.</summary>
public sealed class CaseFyTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;

    /// <summary>One partition per case: the case row and its timeline.</summary>
    public TableClient Cases => service.GetTableClient($"{_prefix}Cases");

    /// <summary>The case list, newest first: partition <c>cases</c> (all), one per participant and one per board (template and stage) of open cases (eventually consistent copies of each case row).</summary>
    public TableClient CaseIndex => service.GetTableClient($"{_prefix}CaseIndex");

    /// <summary>One partition per template: a row per version.</summary>
    public TableClient Templates => service.GetTableClient($"{_prefix}Templates");

    /// <summary>Partition <c>pending</c>: one pointer row per case with lifecycle events waiting to be published.</summary>
    public TableClient Outbox => service.GetTableClient($"{_prefix}Outbox");

    /// <summary>Partition <c>feed</c>: every released lifecycle event in release order (the <c>GET /api/events</c> feed).</summary>
    public TableClient EventFeed => service.GetTableClient($"{_prefix}EventFeed");

    /// <summary>Open tasks by assignee, across cases (an eventually consistent copy kept by the case store).</summary>
    public TableClient TaskIndex => service.GetTableClient($"{_prefix}TaskIndex");

    /// <summary>One partition per template: its metric totals and a cursor per counted case.</summary>
    public TableClient Metrics => service.GetTableClient($"{_prefix}Metrics");

    /// <summary>One partition per person: their notifications, newest first; partition <c>cursor</c>: how far each case is notified.</summary>
    public TableClient Notifications => service.GetTableClient($"{_prefix}Notifications");

    /// <summary>Partition <c>due</c>: mail waiting to be sent or recorded, by delivery id; partition <c>cursor</c>: how far each case is turned into mail.</summary>
    public TableClient MailOutbox => service.GetTableClient($"{_prefix}MailOutbox");

    /// <summary>Partition <c>people</c>: each team member's mail setting, by person.</summary>
    public TableClient MailSettings => service.GetTableClient($"{_prefix}MailSettings");

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { Cases, CaseIndex, Templates, Outbox, EventFeed, TaskIndex, Metrics, Notifications, MailOutbox, MailSettings })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}

using Azure.Data.Tables;
using CaseFy.Model.Mail;
using CaseFy.Model.Ports;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Team members' mail settings in <c>{prefix}MailSettings</c>, partition <c>people</c>, one row per person (row key:
/// their <see cref="PersonPartitionKey"/>) with columns <c>PersonId</c>, <c>Delivery</c>, <c>Address</c> (empty: none),
/// <c>ChangedAt</c>, and the daily digest's <c>DigestedUntil</c> and <c>DigestDay</c>. The person's own writes and the
/// digest's merge different columns, so neither undoes the other.
/// </summary>
public sealed class TableTeamMailSettings(CaseFyTables tables) : ITeamMailSettings
{
    private const string Partition = "people";
    private const string PersonIdColumn = "PersonId";
    private const string DeliveryColumn = "Delivery";
    private const string AddressColumn = "Address";
    private const string ChangedAtColumn = "ChangedAt";
    private const string DigestedUntilColumn = "DigestedUntil";
    private const string DigestDayColumn = "DigestDay";

    public async Task<TeamMailSetting?> GetAsync(string personId, CancellationToken cancellationToken)
    {
        var row = await tables.MailSettings.GetEntityIfExistsAsync<TableEntity>(Partition, PersonPartitionKey.Of(personId), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public Task SaveAsync(TeamMailSetting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var row = new TableEntity(Partition, PersonPartitionKey.Of(setting.PersonId))
        {
            [PersonIdColumn] = setting.PersonId,
            [DeliveryColumn] = setting.Delivery,
            [AddressColumn] = setting.Address ?? string.Empty,
            [ChangedAtColumn] = setting.ChangedAt,
        };
        return tables.MailSettings.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<TeamMailSetting>> ListAsync(string delivery, CancellationToken cancellationToken)
    {
        var settings = new List<TeamMailSetting>();
        // The column's name is written into the format, not passed as a value (which would quote it).
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Delivery eq {delivery}");
        await foreach (var row in tables.MailSettings.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            settings.Add(Read(row));
        }

        return settings;
    }

    public Task MarkDigestedAsync(string personId, string day, DateTimeOffset until, CancellationToken cancellationToken) =>
        tables.MailSettings.UpdateEntityAsync(
            new TableEntity(Partition, PersonPartitionKey.Of(personId)) { [DigestDayColumn] = day, [DigestedUntilColumn] = until },
            Azure.ETag.All,
            TableUpdateMode.Merge,
            cancellationToken);

    private static TeamMailSetting Read(TableEntity row) => new(
        row.GetString(PersonIdColumn) ?? string.Empty,
        row.GetString(DeliveryColumn) ?? TeamMailDeliveries.Off,
        row.GetString(AddressColumn) is { Length: > 0 } address ? address : null,
        row.GetDateTimeOffset(ChangedAtColumn) ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset(DigestedUntilColumn),
        row.GetString(DigestDayColumn));
}

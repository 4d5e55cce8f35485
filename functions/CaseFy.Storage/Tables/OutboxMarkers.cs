using System.Globalization;
using Azure.Data.Tables;
using CaseFy.Model.Timeline;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Outbox marker rows (<c>ob-{seq}</c>) in a case's partition: one per lifecycle entry not yet published, added in
/// the transaction that appends the entry. The marker carries a copy of the entry, so the publisher reads one range.
/// </summary>
internal static class OutboxMarkers
{
    public const string Prefix = "ob-";

    // The first key after every "ob-…" key ('.' follows '-' in ordinal order).
    public const string End = "ob.";

    /// <summary>The feed row key the entry was given when first released, so a retry reuses its feed position.</summary>
    public const string FeedKeyProperty = "FeedKey";

    public static string RowKey(long seq) => Prefix + seq.ToString("D12", CultureInfo.InvariantCulture);

    public static IEnumerable<TableTransactionAction> AddActions(IEnumerable<TimelineEntry> entries) =>
        entries.Where(entry => LifecycleEntryTypes.IsLifecycle(entry.Type)).Select(entry =>
            new TableTransactionAction(
                TableTransactionActionType.Add,
                JsonEntity.Create(entry.CaseId, RowKey(entry.Seq), entry, StorageJsonContext.Default.TimelineEntry)));

    public static string RangeFilter(string caseId, long fromSeq = 0, long toSeq = long.MaxValue) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and RowKey ge {RowKey(fromSeq)} and RowKey le {(toSeq == long.MaxValue ? End : RowKey(toSeq))}");
}

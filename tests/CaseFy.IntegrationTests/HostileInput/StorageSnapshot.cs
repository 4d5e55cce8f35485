using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>
/// Every entity of every CaseFy table and every blob of every CaseFy container, as text, to compare before and after.
/// The Durable Task engine's own tables and containers (named after the task hub) are left out: they are the
/// engine's bookkeeping, not CaseFy data, and its queues are not read at all. The stored <c>Timestamp</c> and ETag are
/// left out too (they change with any write, which the properties show anyway); nothing else is ignored.
/// </summary>
public sealed class StorageSnapshot
{
    private readonly SortedDictionary<string, string> _items;

    private StorageSnapshot(SortedDictionary<string, string> items) => _items = items;

    public int Count => _items.Count;

    public static async Task<StorageSnapshot> TakeAsync(string connectionString, string taskHub, CancellationToken cancellationToken)
    {
        var items = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
        {
            if (table.Name.StartsWith(taskHub, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                items[$"table {table.Name} {entity.PartitionKey} {entity.RowKey}"] = Describe(entity);
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            if (container.Name.StartsWith(taskHub, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken))
            {
                var metadata = string.Join(";", blob.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"));
                var md5 = blob.Properties.ContentHash is { } hash ? Convert.ToBase64String(hash) : "-";
                items[$"blob {container.Name} {blob.Name}"] = $"{blob.Properties.ContentLength} {md5} {metadata}";
            }
        }

        return new StorageSnapshot(items);
    }

    /// <summary>What differs in <paramref name="after"/>: added, removed and changed items, one line each.</summary>
    public List<string> DifferencesTo(StorageSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var differences = new List<string>();
        foreach (var (key, value) in after._items)
        {
            if (!_items.TryGetValue(key, out var before))
            {
                differences.Add($"added {key}: {Shorten(value)}");
            }
            else if (before != value)
            {
                differences.Add($"changed {key}: {Shorten(before)} → {Shorten(value)}");
            }
        }

        differences.AddRange(_items.Keys.Where(k => !after._items.ContainsKey(k)).Select(k => $"removed {k}"));
        return differences;
    }

    private static string Describe(TableEntity entity)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name is "Timestamp" or "odata.etag")
            {
                continue;
            }

            text.Append(name).Append('=').Append(value switch
            {
                byte[] bytes => Convert.ToBase64String(bytes),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value?.ToString(),
            }).Append('\n');
        }

        return text.ToString();
    }

    private static string Shorten(string value) => value.Length > 300 ? value[..300] + "…" : value.ReplaceLineEndings(" ");
}

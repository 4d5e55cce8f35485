using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Rows as this process last read or wrote them, each with its ETag (<see langword="null"/>: the row was not stored),
/// for a store that writes them back only with that ETag (or only if still missing): a copy made stale by another
/// writer costs one refused write, after which the store forgets it and reads the row again, never a lost update.
/// Bounded: past <see cref="Capacity"/> rows it starts again empty (a forgotten row is simply read again).
/// </summary>
internal sealed class KnownRows
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string PartitionKey, string RowKey), KnownRow> _rows = new();

    public bool TryGet(string partitionKey, string rowKey, out KnownRow row) => _rows.TryGetValue((partitionKey, rowKey), out row!);

    public void Keep(string partitionKey, string rowKey, KnownRow row)
    {
        if (_rows.Count >= Capacity)
        {
            _rows.Clear();
        }

        _rows[(partitionKey, rowKey)] = row;
    }

    public void Forget(string partitionKey, string rowKey) => _rows.TryRemove((partitionKey, rowKey), out _);
}

/// <summary>A row as last seen (<see cref="Entity"/> never changed after that) and its ETag; both null: not stored.</summary>
internal sealed record KnownRow(TableEntity? Entity, string? Version);

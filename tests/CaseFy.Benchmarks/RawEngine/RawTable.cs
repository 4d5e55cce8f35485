using Azure.Data.Tables;

namespace CaseFy.Benchmarks.RawEngine;

/// <summary>The table the raw orchestration writes to, on the same storage as CaseFy's.</summary>
public sealed class RawTable(TableClient client)
{
    public TableClient Client => client;

    /// <summary>Polls a point read until the row exists: how the benchmark sees that work is persisted.</summary>
    public async Task WaitForRowAsync(string partitionKey, string rowKey, TimeSpan pause, CancellationToken cancellationToken)
    {
        while (!(await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select: ["RowKey"], cancellationToken)).HasValue)
        {
            await Task.Delay(pause, cancellationToken);
        }
    }
}

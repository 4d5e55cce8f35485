using Azure.Data.Tables;
using Microsoft.DurableTask;

namespace CaseFy.Benchmarks.RawEngine;

/// <summary>Upserts one row (idempotent, like CaseFy's activities).</summary>
public sealed class WriteRowActivity(RawTable table) : TaskActivity<RawRow, bool>
{
    /// <inheritdoc/>
    public override async Task<bool> RunAsync(TaskActivityContext context, RawRow input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await table.Client.UpsertEntityAsync(new TableEntity(input.PartitionKey, input.RowKey), TableUpdateMode.Replace);
        return true;
    }
}

using Azure.Data.Tables;

namespace CaseFy.Storage.Tables;

/// <summary>Query helpers the table adapters share.</summary>
internal static class TableQueries
{
    /// <summary>The first <paramref name="count"/> rows matching <paramref name="filter"/>, in key order.</summary>
    public static async Task<List<TableEntity>> TakeAsync(
        string filter, TableClient table, int count, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>(count);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == count)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Deletes a row; one that is already gone counts as deleted (indexes converge either way).</summary>
    public static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, cancellationToken: cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}

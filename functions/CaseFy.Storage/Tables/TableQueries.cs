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
}

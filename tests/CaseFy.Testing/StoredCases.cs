using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace CaseFy.Testing;

/// <summary>The case table in Azurite, reached around CaseFy: what someone with storage access could do to it.</summary>
public sealed class StoredCases(string connectionString)
{
    // The default table prefix of StorageOptions.
    private readonly TableClient _cases = new(connectionString, "CaseFyCases");

    public TableClient Table => _cases;

    public static string TimelineRowKey(long seq) => "tl-" + seq.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>Rewrites a timeline row's stored JSON with <paramref name="edit"/>, keeping everything else.</summary>
    public async Task EditTimelineEntryAsync(string caseId, long seq, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var row = (await _cases.GetEntityAsync<TableEntity>(caseId, TimelineRowKey(seq), cancellationToken: Ct)).Value;
        var json = JsonNode.Parse(row.GetString("Data"))!.AsObject();
        edit(json);
        row["Data"] = json.ToJsonString();
        await _cases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, Ct);
    }

    public async Task SetTimelineDataAsync(string caseId, long seq, string rawData)
    {
        var row = (await _cases.GetEntityAsync<TableEntity>(caseId, TimelineRowKey(seq), cancellationToken: Ct)).Value;
        row["Data"] = rawData;
        await _cases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, Ct);
    }

    public async Task DeleteTimelineEntryAsync(string caseId, long seq) =>
        await _cases.DeleteEntityAsync(caseId, TimelineRowKey(seq), cancellationToken: Ct);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CaseFy.Model;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;

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

    /// <summary>
    /// Appends <paramref name="count"/> correctly chained entries to a (closed) case and moves its length and head,
    /// as if CaseFy had written them: a quick way to a long timeline.
    /// </summary>
    /// <param name="caseId">The case.</param>
    /// <param name="count">How many entries to append.</param>
    /// <param name="entryOf">The type and data of the entry at a seq; a <c>NoteAdded</c> when <see langword="null"/>.</param>
    public async Task AppendChainedEntriesAsync(string caseId, int count, Func<long, (string Type, Dictionary<string, string> Data)>? entryOf = null)
    {
        entryOf ??= seq => ("NoteAdded", new Dictionary<string, string> { ["reason"] = $"note {seq}, \"bulk\"" });
        var caseRow = (await _cases.GetEntityAsync<TableEntity>(caseId, "case", cancellationToken: Ct)).Value;
        var record = JsonSerializer.Deserialize(caseRow.GetString("Data"), CaseFyJsonContext.Default.CaseRecord)!;
        var head = record.TimelineHead;
        var seq = record.TimelineLength;
        var batch = new List<TableTransactionAction>(100);
        for (var i = 0; i < count; i++)
        {
            seq++;
            var (type, data) = entryOf(seq);
            var draft = new TimelineEntry(
                $"{caseId}-{seq}", caseId, seq, type, record.UpdatedAt, Actor.System, record.CurrentStage.Key, data, head, string.Empty);
            var entry = draft with { Hash = TimelineChain.ComputeHash(draft) };
            head = entry.Hash;
            batch.Add(new(TableTransactionActionType.Add, new TableEntity(caseId, TimelineRowKey(seq))
            {
                ["Data"] = JsonSerializer.Serialize(entry, CaseFyJsonContext.Default.TimelineEntry),
            }));
            if (batch.Count == 100 || i == count - 1)
            {
                await _cases.SubmitTransactionAsync(batch, Ct);
                batch.Clear();
            }
        }

        caseRow["Data"] = JsonSerializer.Serialize(record with { TimelineLength = seq, TimelineHead = head }, CaseFyJsonContext.Default.CaseRecord);
        await _cases.UpdateEntityAsync(caseRow, caseRow.ETag, TableUpdateMode.Replace, Ct);
    }

    public async Task DeleteTimelineEntryAsync(string caseId, long seq) =>
        await _cases.DeleteEntityAsync(caseId, TimelineRowKey(seq), cancellationToken: Ct);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

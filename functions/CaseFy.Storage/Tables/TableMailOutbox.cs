using Azure;
using Azure.Data.Tables;
using CaseFy.Model.Mail;
using CaseFy.Model.Ports;

namespace CaseFy.Storage.Tables;

/// <summary>
/// The mail outbox in <c>{prefix}MailOutbox</c>: partition <c>due</c> holds one row per delivery (row key = delivery id,
/// the delivery as JSON, <c>NotBefore</c>, <c>FailedAttempts</c>, and once sent <c>Outcome</c> and <c>FromSeq</c>);
/// claims, deferrals and settlements are ETag-checked, so two dispatchers never hold one delivery at once. Partition
/// <c>cursor</c> holds one row per case: the last timeline entry already turned into mail. Finding due rows reads
/// the partition and compares <c>NotBefore</c> (a partition scan: the outbox holds only mail not yet sent or recorded).
/// </summary>
public sealed class TableMailOutbox(CaseFyTables tables, TimeProvider time) : IMailOutbox
{
    private const string DuePartition = "due";
    private const string CursorPartition = "cursor";
    private const string NotBeforeColumn = "NotBefore";
    private const string FailedAttemptsColumn = "FailedAttempts";
    private const string OutcomeColumn = "Outcome";
    private const string FromSeqColumn = "FromSeq";
    private const string SeqColumn = "Seq";

    public async Task AddAsync(IReadOnlyList<MailDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var now = time.GetUtcNow();
        foreach (var delivery in deliveries)
        {
            var row = JsonEntity.Create(DuePartition, delivery.Id, delivery, StorageJsonContext.Default.MailDelivery);
            row[NotBeforeColumn] = now;
            row[FailedAttemptsColumn] = 0;
            try
            {
                await tables.MailOutbox.AddEntityAsync(row, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Added before (a batch handled again): keep it as it is.
            }
        }
    }

    public async Task<IReadOnlyList<MailClaim>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claims = new List<MailClaim>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition}");
        await foreach (var row in tables.MailOutbox.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            // Compared here rather than in the query: the filter's date comparison is not one Azurite and Azure agree on.
            if (claims.Count >= max)
            {
                break;
            }

            if (row.GetDateTimeOffset(NotBeforeColumn) is { } notBefore && notBefore > now)
            {
                continue;
            }

            try
            {
                var held = new TableEntity(DuePartition, row.RowKey) { [NotBeforeColumn] = now + lease };
                var response = await tables.MailOutbox.UpdateEntityAsync(held, row.ETag, TableUpdateMode.Merge, cancellationToken);
                claims.Add(ClaimOf(row, response.Headers.ETag!.Value.ToString()));
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Another dispatcher took it (or finished it) first.
            }
        }

        return claims;
    }

    public async Task<bool> DeferAsync(MailClaim claim, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var row = new TableEntity(DuePartition, claim.Delivery.Id)
        {
            [NotBeforeColumn] = time.GetUtcNow() + retryAfter,
            [FailedAttemptsColumn] = claim.FailedAttempts + 1,
        };
        return await UpdateAsync(row, claim, cancellationToken) is not null;
    }

    public async Task<MailClaim?> SettleAsync(MailClaim claim, MailOutcome outcome, long fromSeq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(outcome);
        var row = new TableEntity(DuePartition, claim.Delivery.Id)
        {
            [OutcomeColumn] = System.Text.Json.JsonSerializer.Serialize(outcome, StorageJsonContext.Default.MailOutcome),
            [FromSeqColumn] = fromSeq,
        };
        return await UpdateAsync(row, claim, cancellationToken) is { } version
            ? claim with { Version = version, Outcome = outcome, FromSeq = fromSeq }
            : null;
    }

    public async Task RemoveAsync(MailClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await tables.MailOutbox.DeleteEntityAsync(DuePartition, claim.Delivery.Id, new ETag(claim.Version), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or another dispatcher holds it now: it records nothing twice (the timeline is searched first).
        }
    }

    public async Task<long> GetCursorAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await tables.MailOutbox.GetEntityIfExistsAsync<TableEntity>(CursorPartition, caseId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt64(SeqColumn) ?? 0 : 0;
    }

    public Task SetCursorAsync(string caseId, long seq, CancellationToken cancellationToken) =>
        tables.MailOutbox.UpsertEntityAsync(new TableEntity(CursorPartition, caseId) { [SeqColumn] = seq }, TableUpdateMode.Replace, cancellationToken);

    // An ETag-checked merge; the row's new version, or null when another caller changed or removed it.
    private async Task<string?> UpdateAsync(TableEntity row, MailClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.MailOutbox.UpdateEntityAsync(row, new ETag(claim.Version), TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag!.Value.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    private static MailClaim ClaimOf(TableEntity row, string version)
    {
        var outcome = row.GetString(OutcomeColumn) is { Length: > 0 } json
            ? System.Text.Json.JsonSerializer.Deserialize(json, StorageJsonContext.Default.MailOutcome)
            : null;
        return new MailClaim(
            JsonEntity.Read(row, StorageJsonContext.Default.MailDelivery),
            version,
            row.GetInt32(FailedAttemptsColumn) ?? 0,
            outcome,
            row.GetInt64(FromSeqColumn) ?? 0);
    }
}

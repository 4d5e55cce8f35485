using Azure;
using Azure.Data.Tables;
using CaseFy.Telemetry;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Case numbers: a counter row per template (<c>{templateId}/counter</c>) advanced with an ETag-checked replace, so two
/// cases opened at once never get the same number; and prefix reservations (<c>prefix/{PREFIX}</c>, naming the template)
/// added with an insert, which only one template can win (for good: a creation that dies between the reservation and
/// storing its template leaves the prefix held by no template); intake slugs are reserved the same way
/// (<c>intake-slug/{slug}</c>). No row key can be mistaken for a version or a summary.
/// </summary>
public sealed partial class TableTemplateStore
{
    private const string CounterRowKey = "counter";
    private const string NextProperty = "Next";
    private const string PrefixPartition = "prefix";
    private const string IntakeSlugPartition = "intake-slug";
    private const string TemplateIdProperty = "TemplateId";

    // Fifty openings at once against one counter: each round one wins, the others read again after a short random wait.
    private const int MaxCounterAttempts = 500;

    public async Task<long> NextCaseNumberAsync(string templateId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("template.next_number");
        for (var attempt = 1; ; attempt++)
        {
            var row = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(templateId, CounterRowKey, cancellationToken: cancellationToken);
            try
            {
                if (!row.HasValue)
                {
                    await tables.Templates.AddEntityAsync(new TableEntity(templateId, CounterRowKey) { [NextProperty] = 2L }, cancellationToken);
                    return 1;
                }

                var next = row.Value!.GetInt64(NextProperty) ?? 1;
                await tables.Templates.UpdateEntityAsync(
                    new TableEntity(templateId, CounterRowKey) { [NextProperty] = next + 1 }, row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxCounterAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20)), cancellationToken);
            }
        }
    }

    public Task<bool> ReservePrefixAsync(string prefix, string templateId, CancellationToken cancellationToken) =>
        ReserveAsync("template.reserve_prefix", PrefixPartition, prefix, templateId, cancellationToken);

    public Task<bool> ReserveIntakeSlugAsync(string slug, string templateId, CancellationToken cancellationToken) =>
        ReserveAsync("template.reserve_intake_slug", IntakeSlugPartition, slug, templateId, cancellationToken);

    public async Task<string?> FindIntakeSlugAsync(string slug, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("template.find_intake_slug");
        var held = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(IntakeSlugPartition, slug, cancellationToken: cancellationToken);
        return held.HasValue ? held.Value!.GetString(TemplateIdProperty) : null;
    }

    // One row per reserved value, added with an insert: only one template can win it.
    private async Task<bool> ReserveAsync(string operation, string partition, string value, string templateId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage(operation);
        var reservation = new TableEntity(partition, value) { [TemplateIdProperty] = templateId };
        try
        {
            await tables.Templates.AddEntityAsync(reservation, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var held = await tables.Templates.GetEntityAsync<TableEntity>(partition, value, cancellationToken: cancellationToken);
            return held.Value.GetString(TemplateIdProperty) == templateId;
        }
    }
}

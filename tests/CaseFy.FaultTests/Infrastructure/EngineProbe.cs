using System.Text;
using Azure.Data.Tables;

namespace CaseFy.FaultTests.Infrastructure;

/// <summary>Reads the Durable Task engine's own tables: a case's instance (to say why it is stuck) and who owns which partition.</summary>
public sealed class EngineProbe(string connectionString, string taskHub)
{
    public async Task<string> DescribeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var service = new TableServiceClient(connectionString);
        var text = new StringBuilder();
        try
        {
            var instance = await service.GetTableClient($"{taskHub}Instances")
                .GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, cancellationToken: cancellationToken);
            var execution = instance.HasValue ? instance.Value!.GetString("ExecutionId") : null;
            text.Append(instance.HasValue
                ? $"instance {instance.Value!.GetString("RuntimeStatus")} (execution {execution}, input {instance.Value.GetString("Input")}, updated {instance.Value.GetDateTimeOffset("LastUpdatedTime")})"
                : "no instance");

            // Continue-as-new overwrites history rows from the start; older generations' rows past the end remain.
            var history = service.GetTableClient($"{taskHub}History")
                .QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: cancellationToken);
            text.Append("; history of that execution:");
            await foreach (var e in history)
            {
                if (e.GetString("ExecutionId") == execution)
                {
                    text.Append(' ').Append(e.RowKey).Append(':').Append(e.GetString("EventType")).Append('/').Append(e.GetString("Name"))
                        .Append(TaskIdOf(e)).Append(e.GetString("Result") is { } result ? $"={result}" : string.Empty);
                }
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            text.Append("engine tables unreadable: ").Append(ex.Status);
        }

        return text.ToString();
    }

    // Which task an event schedules or answers: an answer matched to the wrong task leaves its orchestration waiting.
    private static string TaskIdOf(TableEntity e) =>
        e.GetString("EventType") switch
        {
            "TaskScheduled" or "TimerCreated" => "EventId",
            "TaskCompleted" or "TaskFailed" => "TaskScheduledId",
            "TimerFired" => "TimerId",
            _ => null,
        } is { } property && e.TryGetValue(property, out var id) ? $"#{id}" : string.Empty;

    /// <summary>Which worker owns each partition (control queue) now, from the engine's partition table.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PartitionOwnersAsync(CancellationToken cancellationToken)
    {
        var owners = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var partitions = new TableServiceClient(connectionString).GetTableClient($"{taskHub}Partitions");
        await foreach (var lease in partitions.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            owners[lease.RowKey] = lease.GetString("CurrentOwner") ?? string.Empty;
        }

        return owners;
    }
}

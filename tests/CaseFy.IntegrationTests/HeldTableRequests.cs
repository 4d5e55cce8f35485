using Azure.Core;
using Azure.Core.Pipeline;

namespace CaseFy.IntegrationTests;

/// <summary>
/// A pipeline policy for one store's table clients that holds every request to one table until released: it makes
/// that store's writes to the table land after another writer's, as a slow process would.
/// </summary>
internal sealed class HeldTableRequests(string tableName) : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first request to the table is being held.</summary>
    public Task Held => _held.Task;

    /// <summary>Lets the held requests, and all later ones, go.</summary>
    public void Release() => _released.TrySetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsForTheTable(message))
        {
            _held.TrySetResult();
            await _released.Task;
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The stores call tables asynchronously.");

    // Entity requests go to /{account}/{table}(PartitionKey='…',RowKey='…'); no other table's name starts with this one's.
    private bool IsForTheTable(HttpMessage message) =>
        message.Request.Uri.Path.Contains($"/{tableName}(", StringComparison.Ordinal);
}

using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CaseFy.IntegrationTests;

/// <summary>
/// A pipeline policy for one store's table clients that notes the method of every entity request to one table and,
/// when asked to hold, holds them until released: it makes that store's writes land after another writer's, as a slow
/// process would.
/// </summary>
internal sealed class TableRequestTap(string tableName, bool hold = false) : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _methods = new();

    /// <summary>Completes when the first request to the table is being held.</summary>
    public Task Held => _held.Task;

    /// <summary>How many requests of a method (<c>GET</c>, <c>PUT</c>…) went to the table's entities so far.</summary>
    public int Count(string method) => _methods.Count(m => m == method);

    /// <summary>Lets the held requests, and all later ones, go.</summary>
    public void Release() => _released.TrySetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsForTheTable(message))
        {
            _methods.Enqueue(message.Request.Method.Method);
            if (hold)
            {
                _held.TrySetResult();
                await _released.Task;
            }
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The stores call tables asynchronously.");

    // Entity requests go to /{account}/{table}(PartitionKey='…',RowKey='…'); no other table's name starts with this one's.
    private bool IsForTheTable(HttpMessage message) =>
        message.Request.Uri.Path.Contains($"/{tableName}(", StringComparison.Ordinal);
}

using Microsoft.DurableTask;

namespace CaseFy.Functions.Durable;

/// <summary>
/// The <see cref="TaskActivityContext"/> an activity class needs, built from what the Functions activity trigger
/// gives (it passes no context of its own). What Microsoft.DurableTask.Generators would emit; not served here.
/// </summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc/>
    public override TaskName Name { get; } = name;

    /// <inheritdoc/>
    public override string InstanceId { get; } = instanceId;
}

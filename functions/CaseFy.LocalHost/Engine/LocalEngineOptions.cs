using System.ComponentModel.DataAnnotations;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// The local Durable Task engine (configuration section <c>Durable</c>). The defaults tune the Azure Storage
/// backend for one local worker; each is explained where it is applied in <see cref="LocalEngineSidecar"/>.
/// </summary>
public sealed class LocalEngineOptions
{
    public const string SectionName = "Durable";

    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string TaskHub { get; set; } = "casefy";

    /// <summary>Stable across restarts so a restarted host takes its partitions back at once; derived from the machine and hub when empty.</summary>
    public string? WorkerId { get; set; }

    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long one pass of the partition manager over its lease table may take. The backend's default, 2 s, is
    /// shorter than a pass takes when storage is slow (a loaded machine): the pass is then abandoned before it
    /// reaches the last partitions, and a process that just started never listens to their control queues.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:01:00")]
    public TimeSpan PartitionTableTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An activity not answered after this long is failed on the worker's behalf, so the orchestration's retry runs it
    /// again; above the slowest activity (a webhook attempt times out after 15 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LostActivityAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the worker waits for a message on its work-item stream before it gives the stream up as silently
    /// disconnected and reconnects; the sidecar pings the stream every quarter of it (<see cref="WorkItemStreamPings"/>),
    /// so an idle host keeps its stream. Tests shorten it to reach "idle" in seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StreamSilenceTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a stopping host waits for the engine's storage backend to release its partition leases. With the
    /// storage already gone (a container stop ends Azurite too) the backend would retry for ever; the leases then
    /// expire on their own and the next start waits them out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// When any driven case last moved (left a stage or closed). A jammed engine moves nothing; a slow one keeps moving:
/// the crash suite's verdict tells the two apart with this.
/// </summary>
public sealed class ProgressClock
{
    private long _lastTicks = DateTime.UtcNow.Ticks;

    public DateTime Last => new(Interlocked.Read(ref _lastTicks), DateTimeKind.Utc);

    public void Moved() => Interlocked.Exchange(ref _lastTicks, DateTime.UtcNow.Ticks);
}

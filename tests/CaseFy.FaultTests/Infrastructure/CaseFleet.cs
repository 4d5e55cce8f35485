using System.Collections.Concurrent;
using CaseFy.Model.Cases;

namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// Many cases opened and driven to closure at once under one verdict (<paramref name="deadline"/>, asked afresh at
/// every look): every stuck case is reported with the engine's state of it, not only the first.
/// </summary>
public sealed class CaseFleet(int stageCount, Func<DateTime> deadline, EngineProbe probe, ProgressClock progress)
{
    /// <summary>Why each stuck case is stuck.</summary>
    public ConcurrentQueue<string> Stuck { get; } = new();

    /// <returns>The closed case, or <see langword="null"/> when it got stuck (see <see cref="Stuck"/>).</returns>
    public async Task<CaseRecord?> OpenAndDriveAsync(ResilientApi api, string templateId, string title, TimeSpan openAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        await Task.Delay(openAfter, cancellationToken);
        var opened = await api.OpenCaseAsync(templateId, title, cancellationToken);
        try
        {
            return await ResilientDriver.DriveToClosureAsync(api, opened.Id, stageCount, deadline, probe, progress, cancellationToken);
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            Stuck.Enqueue(ex.Message);
            return null;
        }
    }
}

using System.Collections.Concurrent;

namespace CaseFy.FaultTests.Engine;

/// <summary>Which runs of <see cref="HeldActivity"/> have started, and the test's hand on when each may finish.</summary>
public sealed class ActivityGate
{
    private readonly ConcurrentQueue<int> _started = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _releases = new();
    private readonly TaskCompletionSource _releaseAll = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The generation of each run, in the order they started.</summary>
    public IReadOnlyList<int> Started => [.. _started];

    public async Task<int> RunAsync(int generation)
    {
        var run = _started.Count(g => g == generation);
        _started.Enqueue(generation);
        var release = _releases.GetOrAdd(Key(generation, run), _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        await Task.WhenAny(release.Task, _releaseAll.Task);
        return generation;
    }

    /// <summary>Lets the given run (0 = first) of a generation finish, whether it has started yet or not.</summary>
    public void Release(int generation, int run) =>
        _releases.GetOrAdd(Key(generation, run), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void ReleaseAll() => _releaseAll.TrySetResult();

    public async Task WaitForRunAsync(int generation, int run, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        while (_started.Count(g => g == generation) <= run)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Run {run} of generation {generation} did not start within {patience}; started: [{string.Join(", ", _started)}].");
            await Task.Delay(50, cancellationToken);
        }
    }

    private static int Key(int generation, int run) => (generation * 100) + run;
}

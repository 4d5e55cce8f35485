namespace CaseFy.Application.Events;

/// <summary>
/// The loop of a hosted service that empties an outbox in rounds (lifecycle events, mail): rounds follow each other
/// while they find work, and after an empty round or a storage failure it waits <c>idleDelay</c> before looking
/// again. Nothing is lost to a failure: the outbox is storage, and the next round finds what is still due.
/// </summary>
public static class OutboxRounds
{
    /// <summary>Runs <paramref name="round"/> (it answers how much it handled) until <paramref name="stoppingToken"/> is cancelled.</summary>
    public static async Task RunAsync(
        Func<CancellationToken, Task<int>> round, TimeSpan idleDelay, TimeProvider time, Action<Exception> storageUnavailable, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(storageUnavailable);
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await round(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                storageUnavailable(ex);
                handled = 0;
            }

            if (handled == 0)
            {
                try
                {
                    await Task.Delay(idleDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

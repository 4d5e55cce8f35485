namespace CaseFy.Application.Events;

/// <summary>The wait before the next try after failures: exponential from a base, capped, with ±20 % jitter.</summary>
public static class RetryBackoff
{
    /// <summary><paramref name="baseDelay"/> × 2^<paramref name="failedAttempts"/>, at most <paramref name="maxDelay"/>, ±20 % so many failures do not retry in lock-step.</summary>
    public static TimeSpan Delay(TimeSpan baseDelay, TimeSpan maxDelay, int failedAttempts)
    {
        var exponential = baseDelay * Math.Pow(2, Math.Min(failedAttempts, 20));
        var capped = exponential < maxDelay ? exponential : maxDelay;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }
}

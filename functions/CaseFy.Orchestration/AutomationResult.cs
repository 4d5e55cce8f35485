namespace CaseFy.Orchestration;

/// <summary>The result of one automation attempt.</summary>
/// <param name="RetryAfter">Try again after this long (a webhook that failed, with attempts left); <see langword="null"/> when done.</param>
public sealed record AutomationResult(TimeSpan? RetryAfter)
{
    public static AutomationResult Done { get; } = new(RetryAfter: null);
}

namespace CaseFy.Model.Mail;

/// <summary>How a delivery ended, as recorded on the timeline: mailed, or given up for <see cref="Reason"/>.</summary>
/// <param name="Mailed">Whether the mail was handed over.</param>
/// <param name="Attempts">How many sends were tried.</param>
/// <param name="Reason">Why it was given up (one of the <c>Mail*Reason</c> constants of <see cref="MailRecords"/>); <see langword="null"/> when mailed.</param>
public sealed record MailOutcome(bool Mailed, int Attempts, string? Reason)
{
    /// <summary>Handed over after <paramref name="attempts"/> tries.</summary>
    public static MailOutcome Sent(int attempts) => new(true, attempts, null);

    /// <summary>Given up after <paramref name="attempts"/> tries.</summary>
    public static MailOutcome GivenUp(int attempts, string reason) => new(false, attempts, reason);
}

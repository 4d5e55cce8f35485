namespace CaseFy.Application.Mail;

/// <summary>A message could not be handed over; <see cref="IsTransient"/> says whether a later retry may succeed.</summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message)
        : base(message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MailDeliveryException(string message, bool isTransient)
        : base(message) => IsTransient = isTransient;

    /// <summary>Whether trying again later may succeed (throttling, a 5xx, the network) rather than never (a refused message).</summary>
    public bool IsTransient { get; }
}

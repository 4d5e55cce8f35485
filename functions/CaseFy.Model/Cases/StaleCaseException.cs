namespace CaseFy.Model.Cases;

/// <summary>The caller's copy of the case (its <c>If-Match</c>) is no longer the stored one: a 412, nothing written.</summary>
public sealed class StaleCaseException : Exception
{
    public StaleCaseException()
        : base("The case has changed since it was read: read it again.")
    {
    }

    public StaleCaseException(string message)
        : base(message)
    {
    }

    public StaleCaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

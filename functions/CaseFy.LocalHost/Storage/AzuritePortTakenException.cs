namespace CaseFy.LocalHost.Storage;

/// <summary>Azurite stopped while starting because one of its ports was already in use (EADDRINUSE).</summary>
public sealed class AzuritePortTakenException : InvalidOperationException
{
    public AzuritePortTakenException()
    {
    }

    public AzuritePortTakenException(string message)
        : base(message)
    {
    }

    public AzuritePortTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace CaseFy.Orchestration.Activities;

/// <summary>An activity was asked to act on a case that is not in storage.</summary>
public sealed class CaseMissingException : Exception
{
    public CaseMissingException()
    {
    }

    public CaseMissingException(string message)
        : base(message)
    {
    }

    public CaseMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static CaseMissingException For(string caseId) => new($"Case {caseId} is not in storage.");
}

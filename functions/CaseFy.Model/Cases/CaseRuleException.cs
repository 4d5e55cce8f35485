namespace CaseFy.Model.Cases;

/// <summary>An action the case's current state does not allow (e.g. advancing a closed case); a conflict, not a bug.</summary>
public sealed class CaseRuleException : Exception
{
    public CaseRuleException()
    {
    }

    public CaseRuleException(string message)
        : base(message)
    {
    }

    public CaseRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

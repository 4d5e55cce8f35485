namespace CaseFy.Model.Cases;

/// <summary>An action names a task, document or stage the case does not have: a 404, not a conflict.</summary>
public sealed class CaseItemMissingException : Exception
{
    public CaseItemMissingException()
    {
    }

    public CaseItemMissingException(string message)
        : base(message)
    {
    }

    public CaseItemMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

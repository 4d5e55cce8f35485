namespace CaseFy.Model.Cases;

/// <summary>A data change that breaks the fields' rules; the errors are keyed by JSON path (<c>$.startDate</c>), a 400.</summary>
public sealed class CaseDataException : Exception
{
    public CaseDataException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public CaseDataException(string message)
        : this(new Dictionary<string, string[]> { ["$"] = [message] })
    {
    }

    public CaseDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]> { ["$"] = [message] };
    }

    public CaseDataException(Dictionary<string, string[]> errors)
        : base("The data breaks the template's field rules.")
    {
        Errors = errors;
    }

    public Dictionary<string, string[]> Errors { get; }
}

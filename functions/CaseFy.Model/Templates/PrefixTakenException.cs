namespace CaseFy.Model.Templates;

/// <summary>Another template has the prefix already: prefixes are unique, so case numbers are too (a 400 on <c>$.prefix</c>).</summary>
public sealed class PrefixTakenException : Exception
{
    public PrefixTakenException()
        : base("Another template uses this prefix.")
    {
    }

    public PrefixTakenException(string message)
        : base(message)
    {
    }

    public PrefixTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

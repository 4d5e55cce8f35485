namespace CaseFy.Model.Templates;

/// <summary>
/// Another template holds a value that is unique among templates (its case number prefix, its intake slug): a 400 on
/// <see cref="Path"/>.
/// </summary>
public sealed class TemplateValueTakenException : Exception
{
    public TemplateValueTakenException()
        : this("$", "Another template uses this value.")
    {
    }

    public TemplateValueTakenException(string message)
        : this("$", message)
    {
    }

    public TemplateValueTakenException(string message, Exception innerException)
        : base(message, innerException) => Path = "$";

    public TemplateValueTakenException(string path, string message)
        : base(message) => Path = path;

    /// <summary>The JSON path of the taken value in the template draft (<c>$.prefix</c>, <c>$.intake.slug</c>).</summary>
    public string Path { get; }
}

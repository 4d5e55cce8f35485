namespace CaseFy.Application.Apis.OpenApi;

/// <summary>
/// Marks a route whose body is multipart/form-data with one file part named <c>file</c> (<see cref="DocumentUpload"/>
/// streams it, so no binding declares it), after the optional text <see cref="Fields"/> when it has any.
/// </summary>
public sealed class FileUploadBody
{
    public static readonly FileUploadBody Instance = new([]);

    private FileUploadBody(IReadOnlyList<string> fields)
    {
        Fields = fields;
    }

    /// <summary>The optional text fields sent before the file part.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>A body with these text fields before the file.</summary>
    public static FileUploadBody With(params string[] fields) => new(fields);
}

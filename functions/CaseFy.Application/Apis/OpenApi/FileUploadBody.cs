namespace CaseFy.Application.Apis.OpenApi;

/// <summary>
/// Marks a route whose body is multipart/form-data with one file part named <c>file</c> (<see cref="DocumentUpload"/>
/// streams it, so no binding declares it).
/// </summary>
public sealed class FileUploadBody
{
    public static readonly FileUploadBody Instance = new();

    private FileUploadBody()
    {
    }
}

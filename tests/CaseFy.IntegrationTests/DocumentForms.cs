using System.Net.Http.Headers;

namespace CaseFy.IntegrationTests;

/// <summary>Multipart bodies for the document upload routes, as a browser's FormData sends them.</summary>
internal static class DocumentForms
{
    public static MultipartFormDataContent File(byte[] bytes, string contentType = "application/pdf", string fileName = "scan.pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}

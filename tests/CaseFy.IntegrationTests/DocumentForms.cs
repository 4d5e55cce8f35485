using System.Net.Http.Headers;

namespace CaseFy.IntegrationTests;

/// <summary>Multipart bodies for the document upload and message-with-a-file routes, as a browser's FormData sends them.</summary>
internal static class DocumentForms
{
    public static MultipartFormDataContent File(byte[] bytes, string contentType = "application/pdf", string fileName = "scan.pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>A message with a file: the text field (when given) first, then the file part, as the portal sends it.</summary>
    public static MultipartFormDataContent Message(string? text, byte[] bytes, string contentType = "application/pdf", string fileName = "scan.pdf")
    {
        var form = new MultipartFormDataContent();
        if (text is not null)
        {
            form.Add(new StringContent(text), "text");
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return form;
    }
}

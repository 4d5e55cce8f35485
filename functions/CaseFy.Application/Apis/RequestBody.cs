using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Apis;

/// <summary>
/// Reads a JSON body the same way on every route (read by the handlers, not by minimal-API binding): bounded size,
/// JSON content type, and a 400 naming the JSON path for malformed JSON, wrong types or unknown fields.
/// </summary>
public static class RequestBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The outcome of reading a body: a value, or the problem to answer with.</summary>
    public readonly record struct Read<T>(T? Value, IResult? Problem);

    /// <summary>Reads a required body and checks it with <paramref name="validate"/>: a 400 naming each invalid field.</summary>
    public static async Task<Read<T>> ReadValidAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, Func<T, Dictionary<string, string[]>> validate, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(validate);
        var body = await ReadAsync(request, typeInfo, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body;
        }

        var errors = validate(body.Value!);
        return errors.Count > 0 ? new(null, ApiProblems.Invalid(errors)) : body;
    }

    public static Task<Read<T>> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, bool optional, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync(request, typeInfo, optional, MaxBytes, cancellationToken);

    /// <summary>Reads a body of at most <paramref name="maxBytes"/> (a route with a tighter cap than <see cref="MaxBytes"/>).</summary>
    public static async Task<Read<T>> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, bool optional, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return new(null, ApiProblems.TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException)
        {
            // Kestrel's framing errors that are not BadHttpRequestException, e.g. a chunk size of 2^31 or more.
            return new(null, ApiProblems.Invalid("$", "The body could not be read: check its framing (Content-Length, chunked encoding)."));
        }

        if (buffer.Length == 0)
        {
            return optional ? new(null, null) : new(null, ApiProblems.Invalid("$", "A JSON body is required."));
        }

        if (!request.HasJsonContentType())
        {
            return new(null, ApiProblems.UnsupportedMediaType());
        }

        try
        {
            var value = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo);
            return value is null
                ? new(null, ApiProblems.Invalid("$", "The body must be a JSON object."))
                : new(value, null);
        }
        catch (JsonException ex)
        {
            return new(null, ApiProblems.Invalid(
                string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path,
                "This is not valid JSON here: check the syntax, the value's type, and that the field exists."));
        }
    }
}

using CaseFy.Application.Timeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CaseFy.Application.Apis;

/// <summary>
/// The export format a request's <c>Accept</c> header asks for, when no <c>format</c> query says it: the most preferred
/// type (highest q, then the client's order) that is CSV (<c>text/csv</c>, <c>text/*</c>) or JSON
/// (<c>application/json</c>, <c>application/*</c>, <c>*/*</c>); JSON when none is, as without the header.
/// </summary>
public static class ExportFormatNegotiation
{
    public static TimelineExportFormat FromAccept(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().Accept
            .Where(type => type.Quality is not <= 0)
            .OrderByDescending(type => type.Quality ?? 1)
            .Select(FormatOf)
            .FirstOrDefault(format => format is not null) ?? TimelineExportFormat.Json;
    }

    private static TimelineExportFormat? FormatOf(MediaTypeHeaderValue type) =>
        type.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/csv" or "text/*" => TimelineExportFormat.Csv,
            "application/json" or "application/*" or "*/*" => TimelineExportFormat.Json,
            _ => null,
        };
}

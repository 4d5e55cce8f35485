using CaseFy.Application.Apis.OpenApi;
using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Apis;

/// <summary>The paging query parameters every list route takes: <c>pageSize</c> (1-100) and <c>continuationToken</c>.</summary>
public readonly record struct Paging(int PageSize, string? ContinuationToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>The two parameters as the OpenAPI document declares them on every list route.</summary>
    public static readonly QueryParameter[] Parameters =
    [
        new("pageSize", $"Items per page, 1-{MaxPageSize} (default {DefaultPageSize}).", Microsoft.OpenApi.JsonSchemaType.Integer)
        {
            Minimum = 1,
            Maximum = MaxPageSize,
        },
        new("continuationToken", "The previous page's continuationToken, to read the next page (same query, same caller).")
        {
            MaxLength = 512,
        },
    ];

    public static bool TryRead(HttpRequest request, out Paging paging, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        paging = new Paging(DefaultPageSize, null);
        problem = null;
        var size = request.Query["pageSize"];
        if (size.Count > 0)
        {
            if (size.Count > 1 || !int.TryParse(size[0], System.Globalization.NumberStyles.None, null, out var parsed)
                || parsed is < 1 or > MaxPageSize)
            {
                problem = ApiProblems.Invalid("pageSize", $"pageSize is a whole number from 1 to {MaxPageSize}.");
                return false;
            }

            paging = paging with { PageSize = parsed };
        }

        var token = request.Query["continuationToken"];
        if (token.Count > 1 || (token.Count == 1 && string.IsNullOrEmpty(token[0])) || token.ToString().Length > 512)
        {
            problem = ApiProblems.Invalid("continuationToken", "Pass back the continuationToken of the previous page.");
            return false;
        }

        paging = paging with { ContinuationToken = token.Count == 1 ? token[0] : null };
        return true;
    }

    /// <summary>
    /// Reads the paging of a route that reads the timeline back from its newest entries
    /// (<see cref="Timeline.NewestEntriesReader"/>), whose continuation token is the seq to read on before.
    /// </summary>
    public static bool TryReadBackward(HttpRequest request, out long? before, out int pageSize, out IResult? problem)
    {
        before = null;
        pageSize = 0;
        if (!TryRead(request, out var paging, out problem))
        {
            return false;
        }

        if (!Timeline.NewestEntriesReader.TryReadContinuation(paging.ContinuationToken, out before))
        {
            problem = ApiProblems.Invalid("continuationToken", "Pass back the continuationToken of the previous page.");
            return false;
        }

        pageSize = paging.PageSize;
        return true;
    }
}

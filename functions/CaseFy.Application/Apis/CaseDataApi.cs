using System.Globalization;
using System.Text.Json;
using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CaseFy.Application.Apis;

/// <summary>
/// <c>PATCH /api/cases/{id}/data</c>: the team sets or clears case fields by JSON merge patch. A case's ETag is its
/// timeline length (<c>"12"</c>): every recorded change appends to the timeline, so an <c>If-Match</c> with an older
/// one is a 412. The check runs inside the ETag-checked store update, so it cannot pass on a copy that is already stale.
/// </summary>
public static class CaseDataApi
{
    public const string MergePatchJson = "application/merge-patch+json";

    /// <summary>What the OpenAPI document says of the case's <c>ETag</c>.</summary>
    public const string CaseETagDescription = "The case's timeline length, quoted (\"12\"): send it in If-Match to patch its data safely.";

    public static IEndpointRouteBuilder MapCaseDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Case data");
        api.MapPatch(ApiRoutes.CaseData, PatchDataAsync)
            .WithSummary("Set or clear case fields (JSON merge patch; If-Match optional)")
            .WithDescription("Each key names a field of the case's template; null clears it. One FieldsChanged timeline "
                + "entry per change that changes something. 400 naming $.{key} for a value its field does not accept, "
                + "an unknown key, or a field the outside party fills; 409 on a closed case; 412 when If-Match is stale.")
            .Accepts<Dictionary<string, JsonElement>>(MergePatchJson)
            .WithRequestHeader("If-Match", "The case's ETag as read (its timeline length, \"12\"), or *: 412 when the case changed since.", required: false)
            .Produces<CaseRecord>().WithResponseHeader(StatusCodes.Status200OK, "ETag", CaseETagDescription)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    /// <summary>The case's ETag: its timeline length, quoted.</summary>
    public static string ETagOf(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Create(CultureInfo.InvariantCulture, $"\"{record.TimelineLength}\"");
    }

    public static async Task<IResult> PatchDataAsync(string id, HttpRequest request, CaseService cases, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cases);
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, cases.Store, CaseAccessLevel.Work, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var body = await ReadPatchAsync(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var expected = ExpectedTimelineLength(request);
        var actor = RequestActor.Of(request.HttpContext);
        try
        {
            var updated = await cases.ActAsync(
                id, "data", (c, t, now) => CaseData.Change(c, t, body.Value!, FieldEditor.Team, actor, now, expected), engine, read: null, cancellationToken);
            if (updated is null)
            {
                return ApiProblems.NotFound("case");
            }

            request.HttpContext.Response.Headers.ETag = ETagOf(updated);
            return TypedResults.Ok(updated);
        }
        catch (StaleCaseException)
        {
            return Stale();
        }
        catch (CaseRuleException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
        catch (CaseDataException ex)
        {
            return ApiProblems.Invalid(ex.Errors);
        }
    }

    /// <summary>Reads a merge patch body: <c>application/merge-patch+json</c> only (415 otherwise), then as any JSON body.</summary>
    public static async Task<RequestBody.Read<Dictionary<string, JsonElement>>> ReadPatchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(MergePatchJson, StringComparison.OrdinalIgnoreCase))
        {
            return new(null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"Send the body as {MergePatchJson} (JSON merge patch: a key sets a field, null clears it)."));
        }

        return await RequestBody.ReadAsync(request, CaseFyJsonContext.Default.DictionaryStringJsonElement, optional: false, cancellationToken);
    }

    // No If-Match: the patch applies to whatever is stored; "*" matches any case. Anything else must be the case's ETag:
    // one CaseFy never gave out (weak, malformed, several) is -1, which no case has, so a 412.
    private static long? ExpectedTimelineLength(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0 || (values.Count == 1 && values[0] == "*"))
        {
            return null;
        }

        return values.Count == 1 && EntityTagHeaderValue.TryParse(values[0], out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : -1;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Stale() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
        detail: "The case has changed since you read it: read it again (its ETag) and reapply your change.");
}

using System.Globalization;
using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Templates;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CaseFy.Application.Apis;

/// <summary>
/// The <c>/api/templates</c> routes. A template's ETag is its newest version (<c>"3"</c>); <c>PUT</c> needs it in
/// <c>If-Match</c> (428 without, 412 when stale) and stores the next version. Cases stay on the version they started with.
/// </summary>
public static class TemplatesApi
{
    private const string ETagDescription = "The template's newest version, quoted (\"3\"): send it back in If-Match to update.";

    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Templates");
        api.MapPost(ApiRoutes.Templates, CreateTemplateAsync)
            .WithSummary("Create a template (version 1)")
            .AcceptsJson<TemplateDraft>()
            .Produces<CaseTemplate>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithResponseHeader(StatusCodes.Status201Created, "ETag", ETagDescription);
        api.MapGet(ApiRoutes.Templates, ListTemplatesAsync).WithSummary("List templates (each one's newest version)")
            .Produces<List<TemplateSummary>>();
        api.MapGet(ApiRoutes.Template, GetTemplateAsync)
            .WithSummary("Read a template's newest version")
            .Produces<CaseTemplate>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseHeader(StatusCodes.Status200OK, "ETag", ETagDescription);
        api.MapPut(ApiRoutes.Template, UpdateTemplateAsync)
            .WithSummary("Store the template's next version (If-Match: its ETag)")
            .WithRequestHeader("If-Match", "The ETag of the version this update starts from: 428 without it, 412 when a newer one exists.")
            .AcceptsJson<TemplateDraft>()
            .Produces<CaseTemplate>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithResponseHeader(StatusCodes.Status200OK, "ETag", ETagDescription);
        api.MapGet(ApiRoutes.TemplateVersions, ListVersionsAsync)
            .WithSummary("Read every version of a template")
            .Produces<List<CaseTemplate>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(ApiRoutes.TemplateArchive, ArchiveTemplateAsync)
            .WithSummary("Archive a template: no new cases open on it")
            .Produces<TemplateSummary>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> CreateTemplateAsync(
        HttpRequest request, TemplateService templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is { } denied)
        {
            return denied;
        }

        var body = await RequestBody.ReadValidAsync(request, CaseFyJsonContext.Default.TemplateDraft, TemplateRules.Validate, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        CaseTemplate created;
        try
        {
            created = await templates.CreateAsync(body.Value!, RequestActor.Of(request.HttpContext), cancellationToken);
        }
        catch (TemplateValueTakenException ex)
        {
            return ApiProblems.Invalid(ex.Path, ex.Message);
        }

        request.HttpContext.Response.Headers.ETag = ETagOf(created.Version);
        return TypedResults.Created($"/{ApiRoutes.Prefix}/{ApiRoutes.Templates}/{created.Id}", created);
    }

    public static async Task<IResult> ListTemplatesAsync(HttpRequest request, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(templates);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok(await templates.ListAsync(cancellationToken));
    }

    public static async Task<IResult> GetTemplateAsync(string id, HttpRequest request, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        var found = CaseIds.IsWellFormed(id) ? await templates.GetAsync(id, version: null, cancellationToken) : null;
        if (found is null)
        {
            return ApiProblems.NotFound("template");
        }

        request.HttpContext.Response.Headers.ETag = ETagOf(found.Version);
        return TypedResults.Ok(await IsAdminAsync(request) ? found : TemplateSecrets.Redact(found));
    }

    public static async Task<IResult> UpdateTemplateAsync(
        string id, HttpRequest request, TemplateService templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is { } denied)
        {
            return denied;
        }

        if (!CaseIds.IsWellFormed(id))
        {
            return ApiProblems.NotFound("template");
        }

        // The body first (400/413/415 for a request that is wrong in itself), then the precondition (428/412).
        var body = await RequestBody.ReadValidAsync(request, CaseFyJsonContext.Default.TemplateDraft, TemplateRules.Validate, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required",
                detail: "Send the template's ETag in If-Match: updates are refused without it so none is lost.");
        }

        if (ifMatch.Count != 1 || !EntityTagHeaderValue.TryParse(ifMatch[0], out var tag)
            || !int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return Stale();
        }

        CaseTemplate? updated;
        bool stale;
        try
        {
            (updated, stale) = await templates.UpdateAsync(id, body.Value!, expected, RequestActor.Of(request.HttpContext), cancellationToken);
        }
        catch (TemplateValueTakenException ex)
        {
            return ApiProblems.Invalid(ex.Path, ex.Message);
        }

        if (updated is null)
        {
            return stale ? Stale() : ApiProblems.NotFound("template");
        }

        request.HttpContext.Response.Headers.ETag = ETagOf(updated.Version);
        return TypedResults.Ok(updated);
    }

    public static async Task<IResult> ListVersionsAsync(
        string id, HttpRequest request, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(templates);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        var versions = CaseIds.IsWellFormed(id) ? await templates.ListVersionsAsync(id, cancellationToken) : [];
        if (versions.Count == 0)
        {
            return ApiProblems.NotFound("template");
        }

        return TypedResults.Ok(await IsAdminAsync(request) ? versions : [.. versions.Select(TemplateSecrets.Redact)]);
    }

    // Webhook secrets are shown to admins only (they edit templates); other readers get them redacted.
    private static async Task<bool> IsAdminAsync(HttpRequest request) =>
        await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is null;

    public static async Task<IResult> ArchiveTemplateAsync(
        string id, HttpRequest request, TemplateService templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(templates);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is { } denied)
        {
            return denied;
        }

        var archived = CaseIds.IsWellFormed(id) ? await templates.ArchiveAsync(id, cancellationToken) : null;
        return archived is null ? ApiProblems.NotFound("template") : TypedResults.Ok(archived);
    }

    private static string ETagOf(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Stale() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
            detail: "The template changed since you read it: read it again (GET) and apply your change to the newest version.");
}

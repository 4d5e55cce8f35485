using CaseFy.Application.Access;
using CaseFy.Application.Cases;
using CaseFy.Application.Templates;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>The <c>/api/templates</c> routes.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Templates");
        api.MapPost(ApiRoutes.Templates, CreateTemplateAsync)
            .WithSummary("Create a template (version 1)")
            .Accepts<TemplateDraft>("application/json")
            .Produces<CaseTemplate>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet(ApiRoutes.Template, GetTemplateAsync)
            .WithSummary("Read a template's newest version")
            .Produces<CaseTemplate>().ProducesProblem(StatusCodes.Status404NotFound);
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

        var body = await RequestBody.ReadAsync(request, CaseFyJsonContext.Default.TemplateDraft, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var errors = TemplateRules.Validate(body.Value!);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var created = await templates.CreateAsync(body.Value!, RequestActor.Of(request.HttpContext), cancellationToken);
        return TypedResults.Created($"/{ApiRoutes.Prefix}/{ApiRoutes.Templates}/{created.Id}", created);
    }

    public static async Task<IResult> GetTemplateAsync(
        string id, HttpRequest request, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        var found = CaseIds.IsWellFormed(id) ? await templates.GetAsync(id, version: null, cancellationToken) : null;
        return found is null ? ApiProblems.NotFound("template") : TypedResults.Ok(found);
    }
}

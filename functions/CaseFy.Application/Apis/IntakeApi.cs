using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Engine;
using CaseFy.Application.Intake;
using CaseFy.Application.Portal;
using CaseFy.Model.Intake;
using CaseFy.Model.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Apis;

/// <summary>
/// The public <c>/api/intake/{slug}</c> routes (no account): describing a template's intake form and opening a case
/// from it. An unknown slug and a closed form (disabled, or its template archived) get the same 404. Both hosts
/// rate-limit these routes per client address and per form (<see cref="IntakeRateLimiter"/>).
/// </summary>
public static class IntakeApi
{
    /// <summary>The largest submission: a case's whole data (<see cref="Model.Cases.CaseData.MaxDataChars"/>) and a name and address.</summary>
    public const int MaxBodyBytes = 72 * 1024;

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Intake").AllowAnonymous();
        api.MapGet(ApiRoutes.Intake, DescribeAsync).WithName("intakeForm").WithSummary("The public intake form of a template")
            .Produces<IntakeForm>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost(ApiRoutes.Intake, SubmitAsync).WithName("intakeSubmit")
            .WithSummary("Open a case from the public intake form (its portal link is shown once)")
            .AcceptsJson<IntakeSubmission>()
            .Produces<IntakeReceipt>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<IResult> DescribeAsync(string slug, IntakeService intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var template = await intake.FindOpenAsync(slug, cancellationToken);
        return template is null ? ApiProblems.NotFound("intake form") : TypedResults.Ok(IntakeService.Describe(template));
    }

    public static async Task<IResult> SubmitAsync(
        string slug, HttpRequest request, IntakeService intake, ICaseEngine engine, IOptions<PortalOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(options);
        var template = await intake.FindOpenAsync(slug, cancellationToken);
        if (template is null)
        {
            return ApiProblems.NotFound("intake form");
        }

        var body = await RequestBody.ReadAsync(request, CaseFyJsonContext.Default.IntakeSubmission, optional: false, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (IntakeRules.Validate(body.Value!, template) is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }

        // Checked before anything is written: without an origin the submitter would get a case and no way to follow it.
        if (options.Value.Origin is not { Length: > 0 } origin)
        {
            return ApiProblems.NotConfigured("Portal:Origin is not configured, so the submitter's portal link would have no address.");
        }

        var (opened, link, token) = await intake.SubmitAsync(template, body.Value!, engine, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(
            (string?)null, new IntakeReceipt(opened.Number, options.Value.LinkUrl(origin, token), token, link.ExpiresAt));
    }
}

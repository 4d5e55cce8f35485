using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFy.Application.Apis;

/// <summary>The RFC 9457 problem responses the API gives; texts are written for the caller, never exception messages.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {what} with this id.");

    public static ProblemHttpResult WrongSecret() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The secret is missing or wrong.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.");

    public static ValidationProblem Invalid(string path, string message) =>
        Invalid(new Dictionary<string, string[]> { [path] = [message] });

    public static ProblemHttpResult UnsupportedMediaType() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type",
            detail: "Send the body as application/json.");

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"The body may be at most {limit} bytes.");

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>: no valid token (missing, expired, forged...).</summary>
    public static IResult Unauthorized() => new BearerChallenge(TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in required",
        detail: "Send a valid bearer token (Authorization: Bearer ...)."));

    public static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: "Your role does not allow this.");

    public static ProblemHttpResult TooManyRequests() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: "Wait as long as Retry-After says, then try again.");

    /// <summary>503: the deployment lacks a setting this route needs (nothing was written).</summary>
    public static ProblemHttpResult NotConfigured(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not configured", detail: detail);

    // Adds the challenge header the bearer scheme requires on a 401, then writes the problem body.
    private sealed class BearerChallenge(IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return problem.ExecuteAsync(httpContext);
        }
    }
}

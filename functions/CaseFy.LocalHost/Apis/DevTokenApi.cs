using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using CaseFy.LocalHost.Identity;
using CaseFy.Model;

namespace CaseFy.LocalHost.Apis;

/// <summary>
/// <c>POST /api/dev/token</c> <c>{"name","roles","email"?}</c> → <c>{"accessToken"}</c>: sign in as anyone, locally. Mapped only
/// when the development issuer is on (Development, loopback); the Functions app has no such route.
/// </summary>
public static class DevTokenApi
{
    public const int MaxRoles = 3;

    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(ApiRoutes.Prefix).WithTags("Development")
            .MapPost(ApiRoutes.DevToken, CreateTokenAsync)
            .Produces<DevTokenResponse>().ProducesValidationProblem()
            // A local development aid, not part of the product's API: kept out of the OpenAPI document.
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> CreateTokenAsync(HttpRequest request, DevIssuer issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(issuer);
        var body = await RequestBody.ReadAsync(request, DevTokenJsonContext.Default.DevTokenRequest, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.name", body.Value!.Name, TextRules.MaxNameLength);
        var roles = body.Value.Roles ?? [];
        if (roles.Count is 0 or > MaxRoles)
        {
            errors.Add("$.roles", $"Give 1 to {MaxRoles} roles: {string.Join(", ", CaseFyRoles.All)}.");
        }

        for (var i = 0; i < roles.Count; i++)
        {
            if (!CaseFyRoles.All.Contains(roles[i], StringComparer.Ordinal))
            {
                errors.Add($"$.roles[{i}]", $"Not a CaseFy role; use {string.Join(", ", CaseFyRoles.All)}.");
            }
        }

        if (body.Value.Email is { } email && !EmailAddresses.IsValid(email))
        {
            errors.Add("$.email", "Not an e-mail address (name@example.com).");
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(new DevTokenResponse(issuer.Mint(body.Value.Name!.Trim(), roles.Distinct(StringComparer.Ordinal), body.Value.Email)));
    }
}

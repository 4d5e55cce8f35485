using CaseFy.Application.Apis.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Apis.OpenApi;

/// <summary>
/// Declares on a route what its handler reads and writes by hand (query values, headers, a multipart file), so the
/// OpenAPI document holds it (<see cref="CaseFyOperationTransformer"/>).
/// </summary>
public static class OpenApiRouteExtensions
{
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, params QueryParameter[] parameters) =>
        builder.WithMetadata([.. parameters]);

    /// <summary>A JSON body of <typeparamref name="T"/>, required unless <paramref name="optional"/>.</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder, bool optional = false)
        where T : notnull =>
        builder.AcceptsJson(typeof(T), optional);

    /// <summary>A JSON body of <paramref name="type"/>, required unless <paramref name="optional"/>.</summary>
    public static RouteHandlerBuilder AcceptsJson(this RouteHandlerBuilder builder, Type type, bool optional = false) =>
        builder.Accepts(type, optional, "application/json").ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>A multipart/form-data body with one file part named <c>file</c>, after the optional text <paramref name="fields"/>.</summary>
    public static RouteHandlerBuilder AcceptsFile(this RouteHandlerBuilder builder, params string[] fields) =>
        builder.WithMetadata(fields.Length == 0 ? FileUploadBody.Instance : FileUploadBody.With(fields))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static RouteHandlerBuilder WithRequestHeader(this RouteHandlerBuilder builder, string name, string description, bool required = true) =>
        builder.WithMetadata(new RequestHeader(name, description, required));

    public static RouteHandlerBuilder WithResponseHeader(this RouteHandlerBuilder builder, int statusCode, string name, string description) =>
        builder.WithMetadata(new ResponseHeader(statusCode, name, description));
}

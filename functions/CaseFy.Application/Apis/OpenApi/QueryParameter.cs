using Microsoft.OpenApi;

namespace CaseFy.Application.Apis.OpenApi;

/// <summary>
/// A query parameter a handler reads itself. Handlers read the query string rather than binding it, so they can answer a
/// problem naming the parameter; the document cannot see such reads, so each route declares what it reads
/// (<see cref="OpenApiRouteExtensions.WithQuery"/>) and <see cref="CaseFyOperationTransformer"/> writes it down.
/// </summary>
/// <param name="Name">The parameter's name in the query string.</param>
/// <param name="Description">What it does, for an integrator.</param>
/// <param name="Type">Its JSON type (query values are text; this is how they are read).</param>
public sealed record QueryParameter(string Name, string Description, JsonSchemaType Type = JsonSchemaType.String)
{
    /// <summary>The values allowed, when it is one of a few names.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>
    /// For a family of parameters (<see cref="Type"/> object): the pattern their names match. The document declares a
    /// form-exploded object whose members, named by the pattern, are the query parameters themselves.
    /// </summary>
    public string? NamePattern { get; init; }

    /// <summary>The JSON Schema format of its value (<c>date-time</c>), when it has one.</summary>
    public string? Format { get; init; }

    /// <summary>An enum read by its names (<see cref="QueryValues.TryReadEnum"/>), lowercase as the API writes them.</summary>
    public static QueryParameter OfEnum<T>(string name, string description)
        where T : struct, Enum =>
        new(name, description) { Values = [.. Enum.GetNames<T>().Select(n => n.ToLowerInvariant())] };

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static QueryParameter OfBoolean(string name, string description) =>
        new(name, description) { Values = ["true", "false"] };
}

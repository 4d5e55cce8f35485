using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseFy.Application.Apis.OpenApi;

/// <summary>
/// Completes each operation from its route's metadata: an operationId (the handler's name), the bearer requirement
/// (none on anonymous routes), 401/403 where sign-in and roles apply, the query parameters, headers and multipart file
/// the handler reads by hand, and the headers its answers carry (<c>Location</c> on 201/202, <c>Retry-After</c> on 429).
/// </summary>
public sealed class CaseFyOperationTransformer : IOpenApiOperationTransformer
{
    /// <summary>The name of the bearer security scheme in the document's components.</summary>
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.OperationId ??= metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler ? OperationIdOf(handler) : null;
        operation.Parameters ??= [];
        foreach (var query in metadata.OfType<QueryParameter>())
        {
            operation.Parameters.Add(ToParameter(query));
        }

        foreach (var header in metadata.OfType<RequestHeader>())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = header.Required,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (metadata.OfType<FileUploadBody>().FirstOrDefault() is { } upload)
        {
            operation.RequestBody = FileBody(upload.Fields);
        }

        operation.Responses ??= [];
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            AddProblem(operation, context, StatusCodes.Status401Unauthorized, "No valid bearer token.");
            if (!HttpMethods.IsGet(context.Description.HttpMethod ?? HttpMethods.Get))
            {
                AddProblem(operation, context, StatusCodes.Status403Forbidden, "The caller's role, or part in the case, does not allow this.");
            }
        }

        foreach (var header in metadata.OfType<ResponseHeader>())
        {
            AddHeader(operation, header.StatusCode, header.Name, header.Description, JsonSchemaType.String);
        }

        AddHeader(operation, StatusCodes.Status201Created, "Location", "Where the created resource is read.", JsonSchemaType.String);
        AddHeader(operation, StatusCodes.Status202Accepted, "Location", "Where to read the resource's progress.", JsonSchemaType.String);
        AddHeader(operation, StatusCodes.Status302Found, "Location", "Where to go instead.", JsonSchemaType.String);
        AddHeader(operation, StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds to wait before trying again.", JsonSchemaType.Integer);
        return Task.CompletedTask;
    }

    /// <summary><c>OpenCaseAsync</c> → <c>openCase</c>: stable as long as the handler keeps its name.</summary>
    private static string OperationIdOf(MethodInfo handler)
    {
        var name = handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^"Async".Length] : handler.Name;
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }

    private static OpenApiParameter ToParameter(QueryParameter query)
    {
        if (query.NamePattern is { } pattern)
        {
            return new OpenApiParameter
            {
                Name = query.Name,
                In = ParameterLocation.Query,
                Description = query.Description,
                Style = ParameterStyle.Form,
                Explode = true,
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    PropertyNames = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = pattern },
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = query.MaxLength },
                },
            };
        }

        var schema = new OpenApiSchema { Type = query.Type };
        if (query.Values is { } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }

        schema.Minimum = query.Minimum?.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = query.Maximum?.ToString(CultureInfo.InvariantCulture);
        schema.MaxLength = query.MaxLength;
        schema.Format = query.Format;
        return new OpenApiParameter { Name = query.Name, In = ParameterLocation.Query, Description = query.Description, Schema = schema };
    }

    private static OpenApiRequestBody FileBody(IReadOnlyList<string> fields)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        properties["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        return new()
        {
            Required = true,
            Description = fields.Count == 0
                ? "One file part named 'file' (with its file name); the file's type must be one the document allows."
                : $"The optional field(s) {string.Join(", ", fields)}, then one file part named 'file' (with its file name).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>(["file"], StringComparer.Ordinal),
                        Properties = properties,
                    },
                },
            },
        };
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int statusCode, string description)
    {
        var key = statusCode.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.Document) },
            },
        };
    }

    private static void AddHeader(OpenApiOperation operation, int statusCode, string name, string description, JsonSchemaType type)
    {
        if (operation.Responses!.TryGetValue(statusCode.ToString(CultureInfo.InvariantCulture), out var found) && found is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } };
        }
    }
}

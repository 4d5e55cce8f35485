using CaseFy.Application.Apis.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseFy.Application.Apis.OpenApi;

/// <summary>
/// The document's own parts: what it describes, a relative server (the paths already start with <c>/api</c>, and the
/// same document serves every deployment), and the bearer scheme the operations name.
/// </summary>
public sealed class CaseFyDocumentTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Health"] = "Whether storage and the engine answer.",
        ["Config"] = "The portal's sign-in settings.",
        ["Templates"] = "Processes as versioned templates: stages, documents, tasks, decisions, automations, SLAs.",
        ["Cases"] = "Open, list, read and advance cases.",
        ["Timeline"] = "A case's append-only, hash-chained history: read, verify, export.",
        ["Reports"] = "Board and metrics of a template's cases (admins).",
        ["Events"] = "Lifecycle events: the feed, and deliveries from Event Grid.",
        ["Participants"] = "Who takes part in a case, and its owner.",
        ["Portal links"] = "Capability links for external parties.",
        ["Portal"] = "What an external party does through their link (the token in the path is the credential).",
        ["Tasks"] = "Tasks on a case, and a person's open tasks across cases.",
        ["Case actions"] = "Decisions, moves, holds, closing, reopening, comments.",
        ["Documents"] = "Document versions: upload, direct upload, download, accept, reject.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "CaseFy API",
            Version = CaseFyOpenApi.DocumentName,
            Description = "Cases, templates and hash-chained timelines. JSON in camelCase; errors are RFC 9457 problem details "
                + "(validation errors keyed by JSON path or query parameter). Sign in with an Entra ID bearer token (locally: "
                + "the development issuer); external parties use the capability token of their portal link in the path.",
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The API's own origin." }];
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? string.Empty);
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[CaseFyOperationTransformer.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An Entra ID access token for the API, with a CaseFy app role (Admin, Member or Viewer).",
        };
        return Task.CompletedTask;
    }
}

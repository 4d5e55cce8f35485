using System.Globalization;
using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Documents;
using CaseFy.Application.Engine;
using CaseFy.Application.Portal;
using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>
/// Two-way messages between the team and the outside party of a portal link (<see cref="PortalMessages"/>). The team
/// writes to one link's party and reads every link's conversation of a case it may read; the party, through their
/// token, reads and writes only their own link's conversation (a link needs the <c>message</c> action). The portal
/// routes share the other portal routes' rate limits and their one 404 for every bad token.
/// </summary>
public static class MessagesApi
{
    private static readonly QueryParameter LinkIdParameter =
        new("linkId", "One portal link's conversation (its id, 32 hex digits); every link's when left out.") { MaxLength = 32 };

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup(ApiRoutes.Prefix).WithTags("Messages");
        team.MapPost(ApiRoutes.CaseMessages, SendFromTeamAsync).WithName("sendMessage")
            .WithSummary("Write to the outside party of one of the case's portal links")
            .AcceptsJson<NewMessage>()
            .Produces<PortalMessage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        team.MapPost(ApiRoutes.CaseMessageWithFile, SendFileFromTeamAsync).WithName("sendMessageWithFile")
            .WithSummary("Write to the outside party of one of the case's portal links, with a file")
            .WithDescription("multipart/form-data: a field 'text' (may be left out: the file goes alone), then one file part 'file'. The file becomes the next version of the "
                + "conversation's document msg-{linkId}, recorded with the message in one change, under the ad-hoc documents' limits.")
            .AcceptsFile("text")
            .Produces<PortalMessage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        team.MapGet(ApiRoutes.CaseMessages, ListForTeamAsync).WithName("listMessages")
            .WithSummary("The case's conversations with its outside parties, or one link's")
            .WithDescription("Newest page first, oldest first within a page; a page may hold fewer than pageSize, even none, "
                + "and still carry a continuationToken (one request reads at most a bounded stretch of the timeline).")
            .WithQuery([LinkIdParameter, .. Paging.Parameters])
            .Produces<Page<PortalMessage>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        // No bearer token: the link's capability token in the path is the credential (404 when unknown or revoked).
        var portal = app.MapGroup(ApiRoutes.Prefix).WithTags("Portal").AllowAnonymous();
        portal.MapPost(ApiRoutes.PortalMessages, SendFromExternalAsync).WithName("portalSendMessage")
            .WithSummary("The external party writes to the team")
            .AcceptsJson<NewPortalMessage>()
            .Produces<PortalMessage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        portal.MapPost(ApiRoutes.PortalMessageWithFile, SendFileFromExternalAsync).WithName("portalSendMessageWithFile")
            .WithSummary("The external party writes to the team, with a file")
            .WithDescription("multipart/form-data: a field 'text' (may be left out: the file goes alone), then one file part 'file' (the ad-hoc documents' limits).")
            .AcceptsFile("text")
            .Produces<PortalMessage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        portal.MapGet(ApiRoutes.PortalMessageAttachment, GetAttachmentForExternalAsync).WithName("portalMessageAttachment")
            .WithSummary("The file a message of the external party's own conversation carries")
            .WithDescription("302 to a short-lived read-only link for that one file; ?stream=true streams it through the API.")
            .WithQuery(DocumentDownload.StreamParameter)
            .Produces(StatusCodes.Status302Found).Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        portal.MapGet(ApiRoutes.PortalMessages, ListForExternalAsync).WithName("portalMessages")
            .WithSummary("Older messages of the external party's conversation with the team, a page at a time")
            .WithDescription("Pass the view's messagesContinuationToken, then each page's continuationToken, to read further back.")
            .WithQuery(Paging.Parameters)
            .Produces<Page<PortalMessage>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>
    /// A working participant writes to a link's party: 400 naming <c>$.linkId</c> for a link the case does not have,
    /// 409 on a closed case or for a link that is revoked, expired or does not allow messages.
    /// </summary>
    public static async Task<IResult> SendFromTeamAsync(string id, HttpRequest request, ConversationService conversations)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conversations);
        var cancellationToken = request.HttpContext.RequestAborted;
        if ((await RequestAccess.ToCaseAsync(request.HttpContext, id, conversations.Store, CaseAccessLevel.Work, cancellationToken)).Problem is { } denied)
        {
            return denied;
        }

        var body = await RequestBody.ReadValidAsync(request, RequestJsonContext.Default.NewMessage, CaseWorkRules.Validate, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        try
        {
            var sent = await conversations.SendFromTeamAsync(id, body.Value!.LinkId!, body.Value.Text!, RequestActor.Of(request.HttpContext), cancellationToken);
            return sent is null ? ApiProblems.NotFound("case") : TypedResults.Ok(sent);
        }
        catch (CaseRuleException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
        catch (CaseItemMissingException)
        {
            return ApiProblems.Invalid("$.linkId", "The case has no such portal link.");
        }
    }

    /// <summary>The case's conversations (or one link's, 400 for a link it does not have) for anyone who may read the case.</summary>
    public static async Task<IResult> ListForTeamAsync(string id, HttpRequest request, ConversationService conversations)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conversations);
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, conversations.Store, CaseAccessLevel.Read, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        if (!Paging.TryReadBackward(request, out var before, out var pageSize, out var problem))
        {
            return problem!;
        }

        var linkId = request.Query["linkId"];
        if (linkId.Count > 1 || (linkId.Count == 1 && !access.Case!.PortalLinks.Any(l => l.Id == linkId[0])))
        {
            return ApiProblems.Invalid("linkId", "The id of one of the case's portal links, once; leave it out for every link's messages.");
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await conversations.ReadAsync(access.Case!, linkId.Count == 1 ? linkId[0] : null, before, pageSize, cancellationToken));
    }

    /// <summary>The link's party writes to the team: 403 without <c>message</c>, 409 on a closed case, 400 naming <c>$.text</c>.</summary>
    public static async Task<IResult> SendFromExternalAsync(string token, HttpRequest request, ConversationService conversations, PortalLinkService links)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conversations);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (match, denied) = await ResolveAsync(token, links, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var body = await RequestBody.ReadValidAsync(request, RequestJsonContext.Default.NewPortalMessage, CaseWorkRules.Validate, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        PortalMessage? sent;
        try
        {
            sent = await conversations.SendFromExternalAsync(match!, body.Value!.Text!, cancellationToken);
        }
        catch (Exception ex) when (ex is CaseRuleException or CaseItemMissingException)
        {
            // The case closed, or the link was revoked, between reading the token and writing the message.
            return ApiProblems.Conflict(ex is CaseRuleException ? ex.Message : "The portal link no longer exists.");
        }

        await links.RecordUseAsync(match!, "message", cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return sent is null ? ApiProblems.NotFound("portal link") : TypedResults.Ok(sent);
    }

    /// <summary>A message with a file to link <paramref name="linkId"/>'s party: as <see cref="SendFromTeamAsync"/>, 404 for a link the case does not have.</summary>
    public static async Task<IResult> SendFileFromTeamAsync(
        string id, string linkId, HttpRequest request, ConversationService conversations, DocumentUploadService uploads, ICaseEngine engine, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conversations);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, conversations.Store, CaseAccessLevel.Work, request.HttpContext.RequestAborted);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        if (!access.Case!.PortalLinks.Any(l => l.Id == linkId))
        {
            return ApiProblems.NotFound("portal link");
        }

        var sender = RequestActor.Of(request.HttpContext);
        return await SendWithFileAsync(
            access.Case, linkId, request, sender, (c, text, now, file) => PortalMessages.FromTeam(c, linkId, text, sender, now, file), uploads, engine, time);
    }

    /// <summary>The link's party writes to the team with a file: as <see cref="SendFromExternalAsync"/>.</summary>
    public static async Task<IResult> SendFileFromExternalAsync(
        string token, HttpRequest request, PortalLinkService links, DocumentUploadService uploads, ICaseEngine engine, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (match, denied) = await ResolveAsync(token, links, request.HttpContext.RequestAborted);
        if (denied is not null)
        {
            return denied;
        }

        var link = match!.Link;
        var answer = await SendWithFileAsync(
            match.Case, link.Id, request, link.AsActor(), (c, text, now, file) => PortalMessages.FromExternal(c, link.Id, text, now, file), uploads, engine, time);
        if (answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            await links.RecordUseAsync(match, "message", request.HttpContext.RequestAborted);
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return answer;
    }

    /// <summary>
    /// The file of message <paramref name="seq"/>, only when it is a message of the token's own link: the same 404 for
    /// any other seq, another link's message, or a message without a file.
    /// </summary>
    public static async Task<IResult> GetAttachmentForExternalAsync(
        string token, string seq, HttpRequest request, PortalLinkService links, DocumentDownload download)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(download);
        var cancellationToken = request.HttpContext.RequestAborted;
        var (match, denied) = await ResolveAsync(token, links, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (DocumentDownload.InvalidStream(request) is { } invalid)
        {
            return invalid;
        }

        var record = match!.Case;
        var entry = long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= record.TimelineLength
            ? (await download.Cases.GetTimelineAsync(record.Id, number - 1, 1, cancellationToken)).Items is [var first, ..] ? first : null
            : null;
        var attachment = entry is null ? null : PortalMessages.Read(entry, match.Link.Id)?.Attachment;
        var stored = attachment is null
            ? null
            : record.Documents.FirstOrDefault(d => d.Key == attachment.DocumentKey)?.Versions.FirstOrDefault(v => v.Version == attachment.Version);
        if (stored is null)
        {
            return ApiProblems.NotFound("attachment");
        }

        await links.RecordUseAsync(match, "view", cancellationToken);
        return await download.AnswerAsync(stored, request, cancellationToken);
    }

    /// <summary>Pages back through the link's own conversation from the view's <c>messagesContinuationToken</c>.</summary>
    public static async Task<IResult> ListForExternalAsync(string token, HttpRequest request, ConversationService conversations, PortalLinkService links)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conversations);
        if (!Paging.TryReadBackward(request, out var before, out var pageSize, out var problem))
        {
            return problem!;
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var (match, denied) = await ResolveAsync(token, links, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        await links.RecordUseAsync(match!, "view", cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await conversations.ReadAsync(match!.Case, match.Link.Id, before, pageSize, cancellationToken));
    }

    // A message with a file (its text may be left out): the text is checked and the message rule tried on the case as
    // read (a closed case or a revoked link answers 409) before the file is stored; then the file and the message are
    // recorded in one change.
    private static async Task<IResult> SendWithFileAsync(
        CaseRecord current,
        string linkId,
        HttpRequest request,
        Actor sender,
        Func<CaseRecord, string, DateTimeOffset, MessageAttachment?, CaseChange> send,
        DocumentUploadService uploads,
        ICaseEngine engine,
        TimeProvider time)
    {
        TimelineEntry? sent = null;
        var (updated, problem) = await DocumentUpload.RunAsync(current, PortalMessages.AttachmentKey(linkId), request, sender, uploads, engine, fields =>
        {
            var text = fields.GetValueOrDefault("text") ?? string.Empty;
            var errors = CaseWorkRules.ValidateWithFile(new NewPortalMessage(text));
            if (errors.Count > 0)
            {
                return (null, ApiProblems.Invalid(errors));
            }

            try
            {
                // A dry run with the file still to come: a refusal here stores nothing.
                send(current, text, time.GetUtcNow(), new MessageAttachment(PortalMessages.AttachmentKey(linkId), 0, "pending", "application/octet-stream", 0));
            }
            catch (CaseRuleException ex)
            {
                return (null, ApiProblems.Conflict(ex.Message));
            }

            return ((c, t, file, now) =>
            {
                var change = PortalMessages.WithAttachment(c, t, file, sender, now, (withFile, attachment) => send(withFile, text, now, attachment));
                sent = change.Entries[^1];
                return change;
            }, null);
        });
        if (problem is not null)
        {
            return problem;
        }

        return updated is null || sent is null ? ApiProblems.NotFound("case") : TypedResults.Ok(PortalMessages.Read(sent));
    }

    // The link a token opens, when it may message: the same 404 for every bad token, 403 for a link without the action.
    private static async Task<(PortalLinkMatch? Match, IResult? Denied)> ResolveAsync(string token, PortalLinkService links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        var match = await links.ResolveAsync(token, cancellationToken);
        if (match is null)
        {
            return (null, ApiProblems.NotFound("portal link"));
        }

        return match.Link.Actions.Contains(PortalAction.Message)
            ? (match, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This link does not allow messages."));
    }
}

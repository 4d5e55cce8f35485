using System.Text.Json;
using CaseFy.Application.Cases;
using CaseFy.Application.Documents;
using CaseFy.Application.Timeline;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Portal;

/// <summary>Portal links: creating (the token is returned once), revoking, finding a link from its token, the public view.</summary>
public sealed class PortalLinkService(
    ICaseStore cases,
    ITemplateStore templates,
    ConversationService conversations,
    PortalTokenMinter tokens,
    IOptions<DocumentOptions> documents,
    TimeProvider time)
{
    /// <summary>The newest public entries the view itself carries; older ones are paged with <see cref="PublicTimelineAsync"/>.</summary>
    public const int MaxPublicEntries = 200;

    private static readonly HashSet<string> PublicTypes =
        [TimelineEntryTypes.StageEntered, TimelineEntryTypes.StageExited, TimelineEntryTypes.CaseClosed];

    public ICaseStore Store => cases;

    /// <summary>Creates a link; the token exists only in the return value.</summary>
    /// <returns>The link and its token, or <see langword="null"/> when the case does not exist.</returns>
    /// <exception cref="CaseRuleException">The case is closed or has too many links.</exception>
    public async Task<(PortalLink Link, string Token)?> CreateAsync(
        string caseId, NewPortalLink request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var linkId = CaseIds.New();
        var token = tokens.TokenOf(caseId, linkId);
        var link = new PortalLink(
            Id: linkId,
            Name: request.Name!.Trim(),
            Email: request.Email,
            Actions: request.Actions!.Order().ToList(),
            TokenHash: PortalTokens.Hash(token),
            CreatedAt: now,
            CreatedBy: actor,
            ExpiresAt: now.AddDays(request.ExpiresInDays ?? PortalLinkRules.DefaultExpiryDays),
            RevokedAt: null,
            UseRecordedAt: null);
        var updated = await cases.UpdateAsync(caseId, c => PortalLinkRules.Create(c, link, actor, now), cancellationToken);
        return updated is null ? null : (link, token);
    }

    public Task<CaseRecord?> RevokeAsync(string caseId, string linkId, Actor actor, CancellationToken cancellationToken) =>
        cases.UpdateAsync(caseId, c => PortalLinkRules.Revoke(c, linkId, actor, time.GetUtcNow()), cancellationToken);

    /// <summary>The active link a token opens, or <see langword="null"/> for every kind of bad token alike.</summary>
    public async Task<PortalLinkMatch?> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        if (!PortalTokens.TryReadCaseId(token, out var caseId))
        {
            return null;
        }

        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var hash = PortalTokens.Hash(token!);
        var link = record.PortalLinks.FirstOrDefault(l => PortalTokens.HashesEqual(l.TokenHash, hash));
        return link is not null && link.IsActiveAt(time.GetUtcNow()) ? new PortalLinkMatch(record, link) : null;
    }

    /// <summary>Puts a use on the timeline, at most once per link per <see cref="PortalLinkRules.UseRecordingInterval"/>.</summary>
    public Task RecordUseAsync(PortalLinkMatch match, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var last = match.Link.UseRecordedAt;
        var now = time.GetUtcNow();
        return last is { } recorded && now - recorded < PortalLinkRules.UseRecordingInterval
            ? Task.CompletedTask
            : cases.UpdateAsync(match.Case.Id, c => PortalLinkRules.RecordUse(c, match.Link.Id, what, now), cancellationToken);
    }

    /// <summary>The public view of the case behind a link.</summary>
    public async Task<PortalView> ViewAsync(PortalLinkMatch match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var (record, link) = (match.Case, match.Link);
        var template = await templates.GetAsync(record.TemplateId, record.TemplateVersion, cancellationToken);
        var stages = template?.Stages.Select((s, i) => new PortalStage(i, s.Name)).ToList() ?? [];
        var timeline = link.Actions.Contains(PortalAction.View)
            ? await PublicTimelineAsync(match, before: null, MaxPublicEntries, cancellationToken)
            : new Page<PortalTimelineEntry>([], null);
        var messages = link.Actions.Contains(PortalAction.Message)
            ? await conversations.ReadAsync(record, link.Id, before: null, ConversationService.MessagesInView, cancellationToken)
            : new Page<PortalMessage>([], null);
        return new PortalView(
            record.Title,
            record.Status == CaseStatus.Open ? "open" : "closed",
            new PortalStage(record.CurrentStage.Index, record.CurrentStage.Name),
            stages,
            link.Actions,
            link.Name,
            link.ExpiresAt,
            timeline.Items,
            PortalDocuments.RequestsFor(record, link, template, documents.Value.AdHocMaxBytes))
        {
            TimelineContinuationToken = timeline.ContinuationToken,
            Messages = messages.Items,
            MessagesContinuationToken = messages.ContinuationToken,
            Number = record.Number,
            Data = template is null ? new Dictionary<string, JsonElement>() : VisibleData(record, template),
            Fields = template is null ? [] : AskedFields(record, link, template),
        };
    }

    /// <summary>The values of the fields the template shows the outside party; nothing else of the case's data.</summary>
    public static Dictionary<string, JsonElement> VisibleData(CaseRecord record, CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(template);
        return template.Fields.Where(f => f.VisibleToExternal && record.Data.ContainsKey(f.Key))
            .ToDictionary(f => f.Key, f => record.Data[f.Key], StringComparer.Ordinal);
    }

    // The current stage's questions for a link that may answer them, while the case is open.
    private static List<PortalField> AskedFields(CaseRecord record, PortalLink link, CaseTemplate template)
    {
        if (!link.Actions.Contains(PortalAction.Answer) || record.Status != CaseStatus.Open)
        {
            return [];
        }

        var stage = template.Stages[record.CurrentStage.Index];
        var required = CaseData.RequiredFor(stage, template.Fields).ToHashSet(StringComparer.Ordinal);
        return [.. stage.ExternalFields.Select(key => template.Fields.First(f => f.Key == key)).Select(f => PortalField.Of(f, required.Contains(f.Key)))];
    }

    /// <summary>
    /// A page of the public timeline, newest first in pages and oldest first within one: stage changes for everyone,
    /// plus what this party did themselves and the messages of their link (the team's to them included, with their
    /// direction); no data except a stage name (a message's text is in the conversation, <see cref="PortalView.Messages"/>).
    /// Whatever the timeline's length, the first page holds the newest public entries, and each continuation token (the
    /// seq to read on before) leads to older ones.
    /// </summary>
    /// <param name="match">The link and its case.</param>
    /// <param name="before">Read entries older than this seq (a continuation token); the newest when <see langword="null"/>.</param>
    /// <param name="count">The most entries the page holds.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public Task<Page<PortalTimelineEntry>> PublicTimelineAsync(
        PortalLinkMatch match, long? before, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var (record, link) = (match.Case, match.Link);
        var actorId = link.AsActor().Id;
        return NewestEntriesReader.ReadAsync(cases, record.Id, record.TimelineLength, before, count, entry =>
            PublicTypes.Contains(entry.Type) ? new PortalTimelineEntry(entry.Type, entry.At, entry.Data.GetValueOrDefault("stageName"))
            : PortalMessages.Read(entry, link.Id) is { } message ? new PortalTimelineEntry(entry.Type, entry.At, null) { Direction = message.Direction }
            : entry.Actor.Id == actorId && entry.Type != TimelineEntryTypes.PortalLinkUsed ? new PortalTimelineEntry(entry.Type, entry.At, null)
            : null,
            cancellationToken);
    }
}

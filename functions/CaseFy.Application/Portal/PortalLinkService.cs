using System.Text.Json;
using CaseFy.Application.Cases;
using CaseFy.Application.Documents;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Portal;

/// <summary>Portal links: creating (the token is returned once), revoking, finding a link from its token, the public view.</summary>
public sealed class PortalLinkService(ICaseStore cases, ITemplateStore templates, IOptions<DocumentOptions> documents, TimeProvider time)
{
    /// <summary>The newest public entries a view shows, whatever the timeline's length.</summary>
    public const int MaxPublicEntries = 200;

    // The timeline is read newest first in windows of this many entries (seq is dense: a window is a key range).
    private const int TimelineWindow = 100;

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
        var token = PortalTokens.Create(caseId);
        var link = new PortalLink(
            Id: CaseIds.New(),
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
            ? await PublicTimelineAsync(record, link.AsActor().Id, cancellationToken)
            : [];
        return new PortalView(
            record.Title,
            record.Status == CaseStatus.Open ? "open" : "closed",
            new PortalStage(record.CurrentStage.Index, record.CurrentStage.Name),
            stages,
            link.Actions,
            link.Name,
            link.ExpiresAt,
            timeline,
            PortalDocuments.RequestsFor(record, link, template, documents.Value.AdHocMaxBytes))
        {
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
        return [.. stage.ExternalFields.Select(key => template.Fields.First(f => f.Key == key)).Select(f => new PortalField(f.Key, f.Label, f.Type)
        {
            Help = f.Help,
            Required = required.Contains(f.Key),
            Options = f.Options,
            Min = f.Min,
            Max = f.Max,
            MaxLength = f.MaxLength,
            Pattern = f.Pattern,
            Currency = f.Currency,
        })];
    }

    // Stage changes for everyone, plus what this party did themselves; no data except a stage name. Read backwards from
    // the newest entry, so a long case shows its latest public entries, not its first ones.
    private async Task<List<PortalTimelineEntry>> PublicTimelineAsync(CaseRecord record, string actorId, CancellationToken cancellationToken)
    {
        var shown = new List<PortalTimelineEntry>();
        for (var before = record.TimelineLength + 1; before > 1 && shown.Count < MaxPublicEntries;)
        {
            var after = Math.Max(0, before - 1 - TimelineWindow);
            var window = new List<PortalTimelineEntry>();
            await foreach (var entry in cases.ReadTimelineAsync(record.Id, after, before, cancellationToken))
            {
                if (PublicTypes.Contains(entry.Type))
                {
                    window.Add(new PortalTimelineEntry(entry.Type, entry.At, entry.Data.GetValueOrDefault("stageName")));
                }
                else if (entry.Actor.Id == actorId && entry.Type != TimelineEntryTypes.PortalLinkUsed)
                {
                    window.Add(new PortalTimelineEntry(entry.Type, entry.At, null));
                }
            }

            shown.InsertRange(0, window);
            before = after + 1;
        }

        return shown.Count > MaxPublicEntries ? shown[^MaxPublicEntries..] : shown;
    }
}

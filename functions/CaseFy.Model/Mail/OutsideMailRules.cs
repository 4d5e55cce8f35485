using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Mail;

/// <summary>
/// Which timeline entries mail the outside party, through which of the case's portal links: only links with an e-mail
/// address that worked when the entry happened and allow what the mail is about.
/// <list type="bullet">
/// <item><c>MessageSent</c> from the team to a link (<see cref="MailKinds.Message"/>), if the link may message.</item>
/// <item><c>StageEntered</c> of a stage that asks the outside party something (<see cref="MailKinds.Asked"/>): a
/// document from an external provider (links that may upload) or external fields (links that may answer).</item>
/// <item><c>DocumentRequested</c> again from an external provider after a rejection (<see cref="MailKinds.Asked"/>), to
/// links that may upload.</item>
/// <item><c>PortalLinkCreated</c> by CaseFy itself: the intake form's link for its submitter (<see cref="MailKinds.Welcome"/>).</item>
/// </list>
/// </summary>
public static class OutsideMailRules
{
    /// <summary>The entry types that may mail someone: the outbox keeps a case due for them.</summary>
    public static IReadOnlySet<string> EntryTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TimelineEntryTypes.MessageSent,
        TimelineEntryTypes.StageEntered,
        TimelineEntryTypes.DocumentRequested,
        TimelineEntryTypes.PortalLinkCreated,
    };

    /// <summary>The deliveries <paramref name="entry"/> asks for, on <paramref name="current"/> (the case now) and its template.</summary>
    /// <param name="entry">A timeline entry of <paramref name="current"/>.</param>
    /// <param name="current">The case as it stands (its links).</param>
    /// <param name="template">The case's template version; needed only for <c>StageEntered</c> (without it: no mail for it).</param>
    public static IReadOnlyList<MailDelivery> For(TimelineEntry entry, CaseRecord current, CaseTemplate? template)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(current);
        var data = entry.Data;
        var (kind, links) = entry.Type switch
        {
            TimelineEntryTypes.MessageSent when data.GetValueOrDefault("direction") == MessageDirections.ToExternal =>
                (MailKinds.Message, Links(current, entry, PortalAction.Message).Where(l => l.Id == data.GetValueOrDefault("linkId"))),
            TimelineEntryTypes.StageEntered when template?.Stages.FirstOrDefault(s => s.Key == entry.Stage) is { } stage =>
                (MailKinds.Asked, AskedIn(stage).SelectMany(action => Links(current, entry, action))),
            TimelineEntryTypes.DocumentRequested when data.GetValueOrDefault("again") == "true" && data.GetValueOrDefault("provider") == "external" =>
                (MailKinds.Asked, Links(current, entry, PortalAction.Upload)),
            TimelineEntryTypes.PortalLinkCreated when entry.Actor.Id == Actor.System.Id =>
                (MailKinds.Welcome, Links(current, entry, PortalAction.View).Where(l => l.Id == data.GetValueOrDefault("linkId"))),
            _ => (string.Empty, []),
        };

        return [.. links.DistinctBy(l => l.Id).Select(l => new MailDelivery(IdOf(entry, l.Id), current.Id, entry.Seq, kind, l.Id))];
    }

    /// <summary>The delivery id of <paramref name="entry"/>'s mail to link <paramref name="linkId"/>.</summary>
    public static string IdOf(TimelineEntry entry, string linkId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{entry.Id}-{linkId}";
    }

    // What a stage asks of a link: uploads of external documents, answers to external fields.
    private static IEnumerable<PortalAction> AskedIn(StageDefinition stage)
    {
        if (stage.Documents.Any(d => d.Provider == DocumentProvider.External))
        {
            yield return PortalAction.Upload;
        }

        if (stage.ExternalFields.Count > 0)
        {
            yield return PortalAction.Answer;
        }
    }

    private static IEnumerable<PortalLink> Links(CaseRecord current, TimelineEntry entry, PortalAction action) =>
        current.PortalLinks.Where(l => l.Email is { Length: > 0 } && l.CreatedAt <= entry.At && l.IsActiveAt(entry.At) && l.Actions.Contains(action));
}

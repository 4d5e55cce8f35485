using System.Globalization;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>The fold of task, document and decision entries.</summary>
public static partial class CaseHistory
{
    private static CaseRecord? ApplyWork(CaseRecord c, TimelineEntry entry, CaseTemplate template)
    {
        var data = entry.Data;
        return entry.Type switch
        {
            TimelineEntryTypes.TaskCreated => TaskCreated(c, entry),
            TimelineEntryTypes.TaskAssigned => ChangeTask(c, data, t => t with { Assignee = Assignee(data), AssigneeRole = data.GetValueOrDefault("assigneeRole") }),
            TimelineEntryTypes.TaskDueChanged => ChangeTask(c, data, t =>
            {
                var due = Time(data, "dueAt");
                return t with { DueAt = due, Overdue = due is { } d && d <= entry.At && t.Overdue, Reminded = false };
            }),
            TimelineEntryTypes.TaskCompleted => ChangeTask(c, data, t => t with
            {
                Status = CaseTaskStatus.Completed,
                CompletedAt = entry.At,
                CompletedBy = entry.Actor,
                Note = data.GetValueOrDefault("note"),
            }),
            TimelineEntryTypes.TaskReopened => ChangeTask(c, data, t => t with
            {
                Status = CaseTaskStatus.Open,
                CompletedAt = null,
                CompletedBy = null,
                Note = null,
                Overdue = t.DueAt is { } due && due <= entry.At && t.Overdue,
            }),
            TimelineEntryTypes.TaskOverdue => ChangeTask(c, data, t => t with { Overdue = true }),
            TimelineEntryTypes.TaskDueSoon => ChangeTask(c, data, t => t with { Reminded = true }),
            TimelineEntryTypes.DocumentRequested => DocumentRequested(c, data),
            TimelineEntryTypes.DocumentUploaded => DocumentUploaded(c, entry, template),
            TimelineEntryTypes.DocumentAccepted => ChangeDocument(c, data, d => d with { Status = DocumentStatus.Accepted }),
            TimelineEntryTypes.DocumentRejected => ChangeDocument(c, data, d => d with { Status = DocumentStatus.Requested, RejectionReason = data["reason"] }),
            TimelineEntryTypes.DecisionRecorded => c with
            {
                Decisions =
                [
                    .. c.Decisions,
                    new CaseDecision(
                        c.CurrentStage.Key, c.CurrentStage.Visit, data["option"], data["outcome"], data.GetValueOrDefault("rationale"), entry.At, entry.Actor),
                ],
            },
            _ => null,
        };
    }

    private static CaseRecord TaskCreated(CaseRecord c, TimelineEntry entry)
    {
        var data = entry.Data;
        var id = data["taskId"];
        var task = new CaseTask
        {
            Id = id,
            Key = data.GetValueOrDefault("key"),
            Title = data["title"],
            StageKey = c.CurrentStage.Key,
            Visit = c.CurrentStage.Visit,
            Required = data.GetValueOrDefault("required") == "true",
            Assignee = Assignee(data),
            AssigneeRole = data.GetValueOrDefault("assigneeRole"),
            DueAt = Time(data, "dueAt"),
            Status = CaseTaskStatus.Open,
            CreatedAt = entry.At,
            CreatedBy = entry.Actor,
        };
        return c with { Tasks = [.. c.Tasks, task], TaskCounter = int.Parse(id.AsSpan(1), CultureInfo.InvariantCulture) };
    }

    private static Actor? Assignee(IReadOnlyDictionary<string, string> data) =>
        data.TryGetValue("assigneeId", out var id) ? new Actor(id, data["assigneeName"]) : null;

    private static CaseRecord ChangeTask(CaseRecord c, IReadOnlyDictionary<string, string> data, Func<CaseTask, CaseTask> change)
    {
        var id = data["taskId"];
        return c with { Tasks = [.. c.Tasks.Select(t => t.Id == id ? change(t) : t)] };
    }

    private static CaseRecord DocumentRequested(CaseRecord c, IReadOnlyDictionary<string, string> data)
    {
        var key = data["documentId"];
        if (c.Documents.Any(d => d.Key == key))
        {
            // Requested again after a rejection: the rejection entry before it changed the document already.
            return c;
        }

        var document = new CaseDocument
        {
            Key = key,
            Name = data["name"],
            Provider = data["provider"] == "external" ? DocumentProvider.External : DocumentProvider.Internal,
            FromTemplate = true,
            Status = DocumentStatus.Requested,
        };
        return c with { Documents = [.. c.Documents, document] };
    }

    private static CaseRecord DocumentUploaded(CaseRecord c, TimelineEntry entry, CaseTemplate template)
    {
        var data = entry.Data;
        var key = data["documentId"];
        var version = Int(data, "version");
        var file = new DocumentVersion(
            version,
            DocumentRules.BlobName(c.Id, key, version),
            data["fileName"],
            data["contentType"],
            long.Parse(data["size"], CultureInfo.InvariantCulture),
            entry.At,
            entry.Actor);
        var existing = c.Documents.FirstOrDefault(d => d.Key == key);
        var definition = DocumentRules.FindDefinition(template, key);
        var document = existing ?? new CaseDocument
        {
            Key = key,
            Name = definition?.Name ?? file.FileName,
            Provider = definition?.Provider ?? DocumentProvider.Internal,
            FromTemplate = definition is not null,
            Status = DocumentStatus.Requested,
        };
        var uploaded = document with { Status = DocumentStatus.Uploaded, RejectionReason = null, Versions = [.. document.Versions, file] };
        return existing is null
            ? c with { Documents = [.. c.Documents, uploaded] }
            : c with { Documents = [.. c.Documents.Select(d => d.Key == key ? uploaded : d)] };
    }

    private static CaseRecord ChangeDocument(CaseRecord c, IReadOnlyDictionary<string, string> data, Func<CaseDocument, CaseDocument> change)
    {
        var key = data["documentId"];
        return c with { Documents = [.. c.Documents.Select(d => d.Key == key ? change(d) : d)] };
    }
}

namespace CaseFy.Model.Cases;

/// <summary>An open task as listed across cases (<c>GET /api/tasks</c>).</summary>
public sealed record TaskSummary(
    string CaseId, string CaseTitle, string TaskId, string Title, string StageKey, Actor Assignee, DateTimeOffset? DueAt, bool Overdue)
{
    /// <summary>The index rows a case should have: its open tasks with a person assigned, while the case is not closed.</summary>
    public static IEnumerable<TaskSummary> Of(CaseRecord? record) =>
        record is null || record.Status == CaseStatus.Closed
            ? []
            : record.Tasks.Where(t => t.Status == CaseTaskStatus.Open && t.Assignee is not null)
                .Select(t => new TaskSummary(record.Id, record.Title, t.Id, t.Title, t.StageKey, t.Assignee!, t.DueAt, t.Overdue));
}

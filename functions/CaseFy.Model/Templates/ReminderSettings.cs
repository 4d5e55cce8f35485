namespace CaseFy.Model.Templates;

/// <summary>
/// How long before a task's due time and before a stage's SLA runs out the assignee and the owner are reminded
/// (<c>TaskDueSoon</c>, <c>SlaDueSoon</c>). One setting for the whole template, so every task is covered alike: the
/// stage's own, automations', escalations' and tasks added or given a due time by hand.
/// </summary>
/// <param name="TaskLeadHours">Hours before a task's due time; no task reminders when absent.</param>
/// <param name="SlaLeadHours">Hours before a stage's SLA runs out; no SLA reminders when absent.</param>
public sealed record ReminderSettings(double? TaskLeadHours, double? SlaLeadHours)
{
    /// <summary>When the reminder of something due at <paramref name="dueAt"/> is due, for a lead of <paramref name="leadHours"/>.</summary>
    public static DateTimeOffset? RemindAt(DateTimeOffset? dueAt, double? leadHours) =>
        dueAt is { } due && leadHours is { } lead ? due - TimeSpan.FromHours(lead) : null;
}

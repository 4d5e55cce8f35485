using System.Globalization;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// Tasks: created by a stage, an automation, an escalation or by hand; assigned, given a due time, completed, reopened.
/// A task goes to a person only if they take part in the case (so a person's task list never names a case they cannot
/// read); roles resolve to participants (the owner).
/// </summary>
public static class TaskRules
{
    /// <summary>The missing item when a task would go to someone who does not take part in the case.</summary>
    public const string AssigneeItem = "assignee";

    /// <summary>Adds a task by hand to the current stage (not required by its exit criteria unless asked).</summary>
    public static CaseChange Add(CaseRecord current, NewTask request, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        RequireNotClosed(current);
        if (request.Required == true)
        {
            CaseLifecycle.RequireNotLeaving(current);
        }

        var assignee = request.Assignee is { } person ? Participant(current, person) : request.Role is { } role ? CaseRoles.Resolve(current, role) : null;
        var writer = new TimelineWriter(current, now);
        Create(writer, request.Title!.Trim(), key: null, assignee, request.Role, request.DueAt, request.Required ?? false, actor);
        return writer.ToChange();
    }

    /// <summary>Assigns a task to a person, or to whoever holds a role.</summary>
    public static CaseChange? Assign(CaseRecord current, string taskId, Actor? assignee, string? role, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireNotClosed(current);
        var task = Find(current, taskId);
        var person = assignee is not null ? Participant(current, assignee) : role is null ? null : CaseRoles.Resolve(current, role);
        if (task.Assignee == person && task.AssigneeRole == role)
        {
            return null;
        }

        var writer = new TimelineWriter(current, now);
        Assign(writer, task, person, role, actor);
        return writer.ToChange();
    }

    /// <summary>Sets or clears a task's due time; a new due time in the future clears its overdue mark, and any new due
    /// time gets its own reminder.</summary>
    public static CaseChange? SetDue(CaseRecord current, string taskId, DateTimeOffset? dueAt, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireNotClosed(current);
        var task = Find(current, taskId);
        if (task.DueAt == dueAt)
        {
            return null;
        }

        var data = new Dictionary<string, string> { ["taskId"] = task.Id, ["title"] = task.Title };
        if (dueAt is { } due)
        {
            data["dueAt"] = CaseLifecycle.Iso(due);
        }

        return new TimelineWriter(current, now)
            .Update(c => Replace(c, task with { DueAt = dueAt, Overdue = dueAt is { } d && d <= now && task.Overdue, Reminded = false }))
            .Append(TimelineEntryTypes.TaskDueChanged, actor, data)
            .ToChange();
    }

    /// <summary>Completes an open task, with an optional note.</summary>
    public static CaseChange Complete(CaseRecord current, string taskId, string? note, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireNotClosed(current);
        var task = Find(current, taskId);
        if (task.Status != CaseTaskStatus.Open)
        {
            throw new CaseRuleException($"Task {task.Id} is completed already.");
        }

        var noteText = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var data = new Dictionary<string, string> { ["taskId"] = task.Id, ["title"] = task.Title };
        if (noteText is not null)
        {
            data["note"] = noteText;
        }

        return new TimelineWriter(current, now)
            .Update(c => Replace(c, task with { Status = CaseTaskStatus.Completed, CompletedAt = now, CompletedBy = actor, Note = noteText }))
            .Append(TimelineEntryTypes.TaskCompleted, actor, data)
            .ToChange();
    }

    /// <summary>Reopens a completed task.</summary>
    public static CaseChange Reopen(CaseRecord current, string taskId, string? reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireNotClosed(current);
        var task = Find(current, taskId);
        if (task.Status != CaseTaskStatus.Completed)
        {
            throw new CaseRuleException($"Task {task.Id} is open already.");
        }

        CaseLifecycle.RequireNotLeaving(current);

        var data = new Dictionary<string, string> { ["taskId"] = task.Id, ["title"] = task.Title };
        if (!string.IsNullOrWhiteSpace(reason))
        {
            data["reason"] = reason.Trim();
        }

        return new TimelineWriter(current, now)
            .Update(c => Replace(c, task with
            {
                Status = CaseTaskStatus.Open,
                CompletedAt = null,
                CompletedBy = null,
                Note = null,
                Overdue = task.DueAt is { } due && due <= now && task.Overdue,
            }))
            .Append(TimelineEntryTypes.TaskReopened, actor, data)
            .ToChange();
    }

    internal static CaseTask Create(TimelineWriter writer, TaskDefinition definition, Actor actor) =>
        Create(
            writer,
            definition.Title,
            definition.Key,
            CaseRoles.Resolve(writer.Case, definition.Assignee),
            definition.Assignee,
            definition.DueInHours is { } hours ? writer.Now + TimeSpan.FromHours(hours) : null,
            definition.Required,
            actor);

    internal static CaseTask Create(
        TimelineWriter writer, string title, string? key, Actor? assignee, string? role, DateTimeOffset? dueAt, bool required, Actor actor)
    {
        if (writer.Case.Tasks.Count >= CaseLimits.MaxTasks)
        {
            throw new CaseRuleException($"A case has at most {CaseLimits.MaxTasks} tasks.");
        }

        var number = writer.Case.TaskCounter + 1;
        var task = new CaseTask
        {
            Id = "t" + number.ToString(CultureInfo.InvariantCulture),
            Key = key,
            Title = title,
            StageKey = writer.Case.CurrentStage.Key,
            Visit = writer.Case.CurrentStage.Visit,
            Required = required,
            Assignee = assignee,
            AssigneeRole = assignee is null || role is not null ? role : null,
            DueAt = dueAt,
            Status = CaseTaskStatus.Open,
            CreatedAt = writer.Now,
            CreatedBy = actor,
        };
        var data = new Dictionary<string, string>
        {
            ["taskId"] = task.Id,
            ["title"] = task.Title,
            ["required"] = required ? "true" : "false",
        };
        if (key is not null)
        {
            // The template's task key, so the case rebuilt from its timeline (CaseHistory) knows it.
            data["key"] = key;
        }

        AddAssignee(data, task);
        if (dueAt is { } due)
        {
            data["dueAt"] = CaseLifecycle.Iso(due);
        }

        writer.Update(c => c with { Tasks = [.. c.Tasks, task], TaskCounter = number })
            .Append(TimelineEntryTypes.TaskCreated, actor, data);
        return task;
    }

    internal static void Assign(TimelineWriter writer, CaseTask task, Actor? person, string? role, Actor actor)
    {
        var assigned = task with { Assignee = person, AssigneeRole = role };
        var data = new Dictionary<string, string> { ["taskId"] = task.Id, ["title"] = task.Title };
        AddAssignee(data, assigned);
        writer.Update(c => Replace(c, assigned)).Append(TimelineEntryTypes.TaskAssigned, actor, data);
    }

    /// <summary>Clears the assignee of every open task assigned to <paramref name="personId"/> (they left the case).</summary>
    internal static void Unassign(TimelineWriter writer, string personId, Actor actor)
    {
        foreach (var task in writer.Case.Tasks.Where(t => t.Status == CaseTaskStatus.Open && t.Assignee?.Id == personId).ToList())
        {
            Assign(writer, task, person: null, role: null, actor);
        }
    }

    // The person as the case knows them (its id and name), or missing when they do not take part.
    private static Actor Participant(CaseRecord current, Actor person) =>
        current.Participants.FirstOrDefault(p => string.Equals(p.Id, person.Id, StringComparison.OrdinalIgnoreCase)) is { } participant
            ? new Actor(participant.Id, participant.Name)
            : throw new CaseItemMissingException(AssigneeItem);

    internal static CaseRecord Replace(CaseRecord current, CaseTask task) =>
        current with { Tasks = [.. current.Tasks.Select(t => t.Id == task.Id ? task : t)] };

    private static void AddAssignee(Dictionary<string, string> data, CaseTask task)
    {
        if (task.Assignee is { } person)
        {
            data["assigneeId"] = person.Id;
            data["assigneeName"] = person.Name;
        }

        if (task.AssigneeRole is { } role)
        {
            data["assigneeRole"] = role;
        }
    }

    private static CaseTask Find(CaseRecord current, string taskId) =>
        current.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new CaseItemMissingException("task");

    internal static void RequireNotClosed(CaseRecord current)
    {
        if (current.Status == CaseStatus.Closed)
        {
            throw new CaseRuleException("The case is closed: reopen it first.");
        }
    }
}

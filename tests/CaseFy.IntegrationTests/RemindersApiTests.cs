using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CaseFy.Application.Apis;
using CaseFy.Model.Notifications;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// A template's reminders on the real engine and Azurite: the durable timer wakes the case at the reminder's instant,
/// <c>TaskDueSoon</c> is recorded once, before the overdue, and the assignee's inbox gets it once; a reminder whose
/// instant had passed when the due time was set is sent at once, and one whose due time has passed is not sent late.
/// </summary>
public sealed class RemindersApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminder_TaskDueInSecondsWithALeadTime_RemindsTheAssigneeOnceBeforeTheOverdue()
    {
        // The task is due 7.2 s after the stage is entered; its reminder 3.6 s before that.
        var template = await host.Api.CreateTemplateFromJsonAsync("""
            {"name":"Remind soon","reminders":{"taskLeadHours":0.001},
             "stages":[{"key":"work","name":"Work","tasks":[{"key":"call","title":"Call the client","dueInHours":0.002}]}]}
            """);
        var opened = await host.Api.OpenCaseAsync(template.Id, "Reminded in seconds");

        await host.Api.WaitForAsync(opened.Id, c => c.Overdue, TimeSpan.FromSeconds(60));
        await WaitForNotificationsAsync(opened.Id, NotificationKinds.TaskOverdue);

        var timeline = await host.Api.GetTimelineAsync(opened.Id);
        var soon = Assert.Single(timeline, e => e.Type == TimelineEntryTypes.TaskDueSoon);
        var overdue = Assert.Single(timeline, e => e.Type == TimelineEntryTypes.TaskOverdue);
        var dueAt = DateTimeOffset.Parse(soon.Data["dueAt"], CultureInfo.InvariantCulture);
        Assert.True(soon.Seq < overdue.Seq, "the reminder comes before the overdue");
        Assert.InRange(soon.At, dueAt.AddSeconds(-3.6), dueAt);
        var kinds = (await NotificationsAsync(opened.Id)).Select(n => n.Kind).ToList();
        Assert.Equal(1, kinds.Count(k => k == NotificationKinds.TaskDueSoon));
        Assert.Equal(1, kinds.Count(k => k == NotificationKinds.TaskOverdue));
        Assert.Equal([NotificationKinds.TaskOverdue, NotificationKinds.TaskDueSoon], kinds.Where(k => k != NotificationKinds.TaskAssigned));
    }

    [Fact]
    public async Task Reminder_TaskAddedInsideItsLeadTime_IsSentAtOnce_AndOneAddedPastDue_OnlyGoesOverdue()
    {
        var template = await host.Api.CreateTemplateFromJsonAsync("""
            {"name":"Remind at once","reminders":{"taskLeadHours":24},"stages":[{"key":"work","name":"Work"}]}
            """);
        var opened = await host.Api.OpenCaseAsync(template.Id, "Reminded at once");
        await host.Api.WaitForStageEnteredAsync(opened.Id, "work");
        var now = DateTimeOffset.UtcNow;

        await AddTaskAsync(opened.Id, "Due in two hours", now.AddHours(2));
        await AddTaskAsync(opened.Id, "Due a minute ago", now.AddMinutes(-1));
        var settled = await host.Api.WaitForAsync(opened.Id, c => c.Tasks.Count == 2 && c.Tasks.All(t => t.Reminded || t.Overdue), TimeSpan.FromSeconds(60));

        Assert.Equal([(true, false), (false, true)], settled.Tasks.Select(t => (t.Reminded, t.Overdue)));
        var timeline = await host.Api.GetTimelineAsync(opened.Id);
        Assert.Equal(["Due in two hours"], timeline.Where(e => e.Type == TimelineEntryTypes.TaskDueSoon).Select(e => e.Data["title"]));
        Assert.Equal(["Due a minute ago"], timeline.Where(e => e.Type == TimelineEntryTypes.TaskOverdue).Select(e => e.Data["title"]));
    }

    private async Task AddTaskAsync(string caseId, string title, DateTimeOffset dueAt)
    {
        var owner = (await host.Api.GetCaseAsync(caseId)).CreatedBy;
        using var response = await host.Api.PostJsonAsync($"/api/cases/{caseId}/tasks",
            $$"""{"title":"{{title}}","assignee":{"id":"{{owner.Id}}","name":"{{owner.Name}}"},"dueAt":"{{dueAt:O}}"}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    private async Task<List<Notification>> NotificationsAsync(string caseId)
    {
        var page = await host.Api.Http.GetFromJsonAsync("/api/notifications?pageSize=100", ApiJsonContext.Default.PageNotification, Ct);
        return [.. page!.Items.Where(n => n.CaseId == caseId)];
    }

    private async Task WaitForNotificationsAsync(string caseId, string kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await NotificationsAsync(caseId)).Any(n => n.Kind == kind))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No {kind} notification for case {caseId} within 60 s.");
            await Task.Delay(200, Ct);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Application.Access;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Json;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// A task goes only to someone who takes part in its case, so "my tasks" never lists a case its reader cannot open;
/// removing a participant unassigns their open tasks.
/// </summary>
public sealed class TaskAssigneeTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Person(string name) => $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}"}""";

    [Theory]
    [InlineData("tasks/t1/assign", "{\"assignee\":PERSON}")]
    [InlineData("tasks", "{\"title\":\"Call back\",\"assignee\":PERSON}")]
    public async Task AssignOrAddTask_ToSomeoneNotOnTheCase_Is400NamingTheAssigneeAndChangesNothing(string route, string body)
    {
        var template = await host.Api.CreateTemplateFromJsonAsync("""
            {"name":"Assign","stages":[{"key":"a","name":"A","tasks":[{"key":"check","title":"Check","assignee":"owner"}]}]}
            """);
        var opened = await host.Api.OpenCaseAsync(template.Id, "Assignee check");
        var entered = await host.Api.WaitForAsync(opened.Id, c => c.Tasks.Count == 1);
        var stranger = await host.Host.SignInAsync("Sid Stranger", CaseFyRoles.Member);

        using var response = await host.Api.PostJsonAsync($"/api/cases/{opened.Id}/{route}", body.Replace("PERSON", Person("Sid Stranger"), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["$.assignee.id"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var after = await host.Api.GetCaseAsync(opened.Id);
        Assert.Equal(entered.Tasks, after.Tasks);
        var theirs = await stranger.Http.GetFromJsonAsync("/api/tasks?assignee=me", CaseFyJsonContext.Default.PageTaskSummary, Ct);
        Assert.DoesNotContain(theirs!.Items, t => t.CaseId == opened.Id);
    }

    [Fact]
    public async Task RemoveParticipant_WithAnOpenTask_UnassignsItAndTheirTaskListDropsIt()
    {
        var template = await host.Api.CreateTemplateFromJsonAsync("""{"name":"Assign","stages":[{"key":"a","name":"A"}]}""");
        var opened = await host.Api.OpenCaseAsync(template.Id, "Removal");
        var worker = await host.Host.SignInAsync("Wanda Worker", CaseFyRoles.Member);
        var id = DevIssuer.ObjectIdFor("Wanda Worker");
        using (var added = await host.Api.PostJsonAsync($"/api/cases/{opened.Id}/participants", $$"""{"id":"{{id}}","name":"Wanda Worker","role":"member"}"""))
        {
            await CaseFyClient.ExpectAsync(added, HttpStatusCode.OK);
        }

        using (var task = await host.Api.PostJsonAsync($"/api/cases/{opened.Id}/tasks", $$"""{"title":"Sign","assignee":{{Person("Wanda Worker")}}}"""))
        {
            await CaseFyClient.ExpectAsync(task, HttpStatusCode.OK);
        }

        var before = await worker.Http.GetFromJsonAsync("/api/tasks?assignee=me", CaseFyJsonContext.Default.PageTaskSummary, Ct);
        using var removed = await host.Api.Http.DeleteAsync(new Uri($"/api/cases/{opened.Id}/participants/{id}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(removed, HttpStatusCode.NoContent);

        var after = await host.Api.GetCaseAsync(opened.Id);
        Assert.Contains(before!.Items, t => t.CaseId == opened.Id);
        Assert.Null(Assert.Single(after.Tasks, t => t.Title == "Sign").Assignee);
        var theirs = await worker.Http.GetFromJsonAsync("/api/tasks?assignee=me", CaseFyJsonContext.Default.PageTaskSummary, Ct);
        Assert.DoesNotContain(theirs!.Items, t => t.CaseId == opened.Id);
    }
}

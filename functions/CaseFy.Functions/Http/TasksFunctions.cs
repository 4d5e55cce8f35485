using CaseFy.Application.Apis;
using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="TasksApi"/> routes as HTTP triggers.</summary>
public sealed class TasksFunctions(CaseService cases, ICaseStore store)
{
    [Function("AddTask")]
    public async Task<IActionResult> AddTaskAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseTasks)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await TasksApi.AddTaskAsync(id, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("AssignTask")]
    public async Task<IActionResult> AssignTaskAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TaskAssign)] HttpRequest req, string id, string taskId,
        [DurableClient] DurableTaskClient client) =>
        (await TasksApi.AssignTaskAsync(id, taskId, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("SetTaskDue")]
    public async Task<IActionResult> SetTaskDueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TaskDue)] HttpRequest req, string id, string taskId,
        [DurableClient] DurableTaskClient client) =>
        (await TasksApi.SetTaskDueAsync(id, taskId, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("CompleteTask")]
    public async Task<IActionResult> CompleteTaskAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TaskComplete)] HttpRequest req, string id, string taskId,
        [DurableClient] DurableTaskClient client) =>
        (await TasksApi.CompleteTaskAsync(id, taskId, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("ReopenTask")]
    public async Task<IActionResult> ReopenTaskAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TaskReopen)] HttpRequest req, string id, string taskId,
        [DurableClient] DurableTaskClient client) =>
        (await TasksApi.ReopenTaskAsync(id, taskId, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("ListTasks")]
    public async Task<IActionResult> ListTasksAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Tasks)] HttpRequest req) =>
        (await TasksApi.ListTasksAsync(req, store, req.HttpContext.RequestAborted)).ToActionResult();
}

using CaseFy.Application.Apis;
using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="CaseActionsApi"/> routes as HTTP triggers.</summary>
public sealed class CaseActionsFunctions(CaseService cases)
{
    [Function("RecordDecision")]
    public async Task<IActionResult> RecordDecisionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseDecision)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await CaseActionsApi.RecordDecisionAsync(id, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("MoveCase")]
    public async Task<IActionResult> MoveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseMove)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await CaseActionsApi.MoveAsync(id, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("HoldCase")]
    public async Task<IActionResult> HoldAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseHold)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await CaseActionsApi.HoldAsync(id, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("ResumeCase")]
    public async Task<IActionResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseResume)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await CaseActionsApi.ResumeAsync(id, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("CloseCase")]
    public async Task<IActionResult> CloseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseClose)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await CaseActionsApi.CloseAsync(id, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("ReopenCase")]
    public async Task<IActionResult> ReopenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseReopen)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await CaseActionsApi.ReopenAsync(id, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("AddComment")]
    public async Task<IActionResult> CommentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseComments)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient client) =>
        (await CaseActionsApi.CommentAsync(id, req, cases, new DurableCaseEngine(client))).ToActionResult();
}

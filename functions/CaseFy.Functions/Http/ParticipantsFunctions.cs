using CaseFy.Application.Apis;
using CaseFy.Application.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="ParticipantsApi"/> routes as HTTP triggers.</summary>
public sealed class ParticipantsFunctions(ParticipantService participants)
{
    [Function("ListParticipants")]
    public async Task<IActionResult> ListParticipantsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseParticipants)] HttpRequest req, string id) =>
        (await ParticipantsApi.ListParticipantsAsync(id, req, participants, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("AddParticipant")]
    public async Task<IActionResult> AddParticipantAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseParticipants)] HttpRequest req, string id) =>
        (await ParticipantsApi.AddParticipantAsync(id, req, participants, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("RemoveParticipant")]
    public async Task<IActionResult> RemoveParticipantAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.CaseParticipant)] HttpRequest req, string id, string participantId) =>
        (await ParticipantsApi.RemoveParticipantAsync(id, participantId, req, participants, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("ChangeOwner")]
    public async Task<IActionResult> ChangeOwnerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.CaseOwner)] HttpRequest req, string id) =>
        (await ParticipantsApi.ChangeOwnerAsync(id, req, participants, req.HttpContext.RequestAborted)).ToActionResult();
}

using CaseFy.Application.Apis;
using CaseFy.Application.Cases;
using CaseFy.Application.Documents;
using CaseFy.Application.Engine;
using CaseFy.Application.Portal;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="DocumentsApi"/> routes and the portal upload as HTTP triggers.</summary>
public sealed class DocumentsFunctions(
    CaseService cases, ITemplateStore templates, IDocumentStore documents, PortalLinkService links, IOptions<DocumentOptions> options, TimeProvider time)
{
    [Function("UploadDocument")]
    public async Task<IActionResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseDocument)] HttpRequest req, string id, string key,
        [DurableClient] DurableTaskClient client) =>
        (await DocumentsApi.UploadAsync(id, key, req, cases.Store, new DurableCaseEngine(client))).ToActionResult();

    [Function("GetDocumentUploadUrl")]
    public async Task<IActionResult> GetUploadUrlAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CaseDocumentUploadUrl)] HttpRequest req, string id, string key,
        [DurableClient] DurableTaskClient client) =>
        (await DocumentsApi.GetUploadUrlAsync(id, key, req, cases.Store, new DurableCaseEngine(client))).ToActionResult();

    [Function("ConfirmDocumentUpload")]
    public async Task<IActionResult> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DocumentConfirm)] HttpRequest req, string id, string key, string version,
        [DurableClient] DurableTaskClient client) =>
        (await DocumentsApi.ConfirmAsync(id, key, version, req, cases.Store, new DurableCaseEngine(client))).ToActionResult();

    [Function("ListDocuments")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CaseDocuments)] HttpRequest req, string id) =>
        (await DocumentsApi.ListAsync(id, req, cases.Store, templates, options, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("GetDocumentContent")]
    public async Task<IActionResult> GetContentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DocumentContent)] HttpRequest req, string id, string key, string version) =>
        (await DocumentsApi.GetContentAsync(id, key, version, req, cases.Store, documents, options, time, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("AcceptDocument")]
    public async Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DocumentAccept)] HttpRequest req, string id, string key,
        [DurableClient] DurableTaskClient client) =>
        (await DocumentsApi.AcceptAsync(id, key, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("RejectDocument")]
    public async Task<IActionResult> RejectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DocumentReject)] HttpRequest req, string id, string key,
        [DurableClient] DurableTaskClient client) =>
        (await DocumentsApi.RejectAsync(id, key, req, cases, new DurableCaseEngine(client))).ToActionResult();

    [Function("UploadPortalDocument")]
    public async Task<IActionResult> UploadPortalDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PortalDocument)] HttpRequest req, string token, string key,
        [DurableClient] DurableTaskClient client) =>
        (await PortalApi.UploadAsync(token, key, req, links, new DurableCaseEngine(client))).ToActionResult();

    [Function("GetPortalDocumentUploadUrl")]
    public async Task<IActionResult> GetPortalUploadUrlAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PortalDocumentUploadUrl)] HttpRequest req, string token, string key,
        [DurableClient] DurableTaskClient client) =>
        (await PortalApi.GetUploadUrlAsync(token, key, req, links, new DurableCaseEngine(client))).ToActionResult();

    [Function("ConfirmPortalDocumentUpload")]
    public async Task<IActionResult> ConfirmPortalUploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PortalDocumentConfirm)] HttpRequest req, string token, string key, string version,
        [DurableClient] DurableTaskClient client) =>
        (await PortalApi.ConfirmAsync(token, key, version, req, links, new DurableCaseEngine(client))).ToActionResult();
}

using CaseFy.Application.Apis;
using CaseFy.Application.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="PortalLinksApi"/> and <see cref="PortalApi"/> routes as HTTP triggers.</summary>
public sealed class PortalLinksFunctions(PortalLinkService links, IOptions<PortalOptions> options, TimeProvider time)
{
    [Function("CreatePortalLink")]
    public async Task<IActionResult> CreateLinkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CasePortalLinks)] HttpRequest req, string id) =>
        (await PortalLinksApi.CreateLinkAsync(id, req, links, options, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("ListPortalLinks")]
    public async Task<IActionResult> ListLinksAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CasePortalLinks)] HttpRequest req, string id) =>
        (await PortalLinksApi.ListLinksAsync(id, req, links, time, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("RevokePortalLink")]
    public async Task<IActionResult> RevokeLinkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.CasePortalLink)] HttpRequest req, string id, string linkId) =>
        (await PortalLinksApi.RevokeLinkAsync(id, linkId, req, links, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("GetPortalView")]
    public async Task<IActionResult> GetPortalViewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Portal)] HttpRequest req, string token) =>
        (await PortalApi.GetViewAsync(token, req, links, req.HttpContext.RequestAborted)).ToActionResult();
}

using CaseFy.Application.Apis;
using CaseFy.Application.Templates;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="TemplatesApi"/> routes as HTTP triggers.</summary>
public sealed class TemplatesFunctions(TemplateService templates, ITemplateStore store)
{
    [Function("CreateTemplate")]
    public async Task<IActionResult> CreateTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Templates)] HttpRequest req) =>
        (await TemplatesApi.CreateTemplateAsync(req, templates, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("ListTemplates")]
    public async Task<IActionResult> ListTemplatesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Templates)] HttpRequest req) =>
        (await TemplatesApi.ListTemplatesAsync(req, store, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("GetTemplate")]
    public async Task<IActionResult> GetTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Template)] HttpRequest req, string id) =>
        (await TemplatesApi.GetTemplateAsync(id, req, store, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("UpdateTemplate")]
    public async Task<IActionResult> UpdateTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Template)] HttpRequest req, string id) =>
        (await TemplatesApi.UpdateTemplateAsync(id, req, templates, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("ListTemplateVersions")]
    public async Task<IActionResult> ListVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TemplateVersions)] HttpRequest req, string id) =>
        (await TemplatesApi.ListVersionsAsync(id, req, store, req.HttpContext.RequestAborted)).ToActionResult();

    [Function("ArchiveTemplate")]
    public async Task<IActionResult> ArchiveTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TemplateArchive)] HttpRequest req, string id) =>
        (await TemplatesApi.ArchiveTemplateAsync(id, req, templates, req.HttpContext.RequestAborted)).ToActionResult();
}

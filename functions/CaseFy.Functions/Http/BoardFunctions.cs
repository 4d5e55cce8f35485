using CaseFy.Application.Apis;
using CaseFy.Application.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="BoardApi"/> route as an HTTP trigger.</summary>
public sealed class BoardFunctions(BoardService boards)
{
    [Function("GetTemplateBoard")]
    public async Task<IActionResult> GetBoardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TemplateBoard)] HttpRequest req, string id) =>
        (await BoardApi.GetBoardAsync(id, req, boards, req.HttpContext.RequestAborted)).ToActionResult();
}

using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace CaseFy.Functions.Http;

/// <summary>The <see cref="ConfigApi"/> route as an HTTP trigger.</summary>
public sealed class ConfigFunctions(IOptions<SignInOptions> signIn)
{
    [Function("GetConfig")]
    public IActionResult GetConfig(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Config)] HttpRequest req) =>
        ConfigApi.GetConfig(req, signIn).ToActionResult();
}

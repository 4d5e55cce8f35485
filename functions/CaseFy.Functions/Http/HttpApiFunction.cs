using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CaseFy.Functions.Http;

/// <summary>
/// The Functions app's only HTTP trigger: every verb, every path under host.json's <c>api</c> prefix, answered by
/// <see cref="CaseFyFunctionsApp"/> (the local host's pipeline, routes included). The Functions host's own routes
/// (<c>/admin</c>, <c>/runtime/webhooks</c>) lie outside the prefix, so the catch-all cannot shadow them.
/// </summary>
public sealed class HttpApiFunction(CaseFyFunctionsApp app)
{
    public const string Name = "HttpApi";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "delete", "patch", "head", "options", Route = "{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await app.DispatchAsync(request.HttpContext, client);
        return new EmptyResult(); // the app has written the response
    }
}

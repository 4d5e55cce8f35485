using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CaseFy.Functions.Http;

/// <summary>
/// Runs a minimal-API <see cref="IResult"/> as an <see cref="IActionResult"/>, so the Functions triggers answer
/// with exactly the responses (status, headers, JSON, problem details) the local host gives.
/// </summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    /// <summary>The result this action runs.</summary>
    public IResult Result { get; } = result;

    /// <inheritdoc/>
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}

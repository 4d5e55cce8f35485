using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CaseFy.Functions.Http;

/// <summary>Converts the application's <see cref="IResult"/>s for HTTP triggers.</summary>
public static class ResultExtensions
{
    public static IActionResult ToActionResult(this IResult result) => new ResultActionResult(result);
}

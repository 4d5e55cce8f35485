using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CaseFy.Benchmarks;

/// <summary>
/// When the host requires a bearer token, gets one from its development issuer (<c>POST /api/dev/token</c>, only
/// in Development); without that route the API is open and nothing is needed.
/// </summary>
public static class DevToken
{
    public static Task AuthorizeAsync(HttpClient http, CancellationToken cancellationToken) =>
        AuthorizeAsync(http, "Benchmark", "CaseFy.Admin", cancellationToken);

    /// <summary>A token for the development user <paramref name="name"/> (its id: <c>DevIssuer.ObjectIdFor(name)</c>) with one role.</summary>
    public static async Task AuthorizeAsync(HttpClient http, string name, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.PostAsync(
            new Uri("/api/dev/token", UriKind.Relative),
            new StringContent($$"""{"name":"{{name}}","roles":["{{role}}"]}""", System.Text.Encoding.UTF8, "application/json"),
            cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return;
        }

        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var token = body.RootElement.EnumerateObject()
            .FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.String && p.Name.Contains("token", StringComparison.OrdinalIgnoreCase))
            .Value.GetString() ?? throw new InvalidOperationException("The dev token route answered without a token.");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}

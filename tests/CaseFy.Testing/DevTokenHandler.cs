using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CaseFy.Testing;

/// <summary>
/// Signs every request in as one person through the local host's development issuer (<c>POST /api/dev/token</c>).
/// The issuer's key is generated at each start, so after a host restart the token stops working: on a 401 the
/// handler mints a new token and sends the request once more.
/// </summary>
public sealed class DevTokenHandler(string name, params string[] roles) : DelegatingHandler
{
    private readonly SemaphoreSlim _minting = new(1, 1);
    private string? _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var used = _token ?? await MintAsync(request.RequestUri!, stale: null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", used);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var fresh = await MintAsync(request.RequestUri!, stale: used, cancellationToken);
        using var again = new HttpRequestMessage(request.Method, request.RequestUri);
        if (body is not null)
        {
            again.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                again.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(again, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _minting.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<string> MintAsync(Uri anyRequest, string? stale, CancellationToken cancellationToken)
    {
        await _minting.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _token != stale)
            {
                return _token;   // another request already minted a new one
            }

            using var mint = new HttpRequestMessage(HttpMethod.Post, new Uri(anyRequest, "/api/dev/token"))
            {
                Content = JsonContent.Create(new { name, roles }),
            };
            using var response = await base.SendAsync(mint, cancellationToken);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(cancellationToken);
            return _token = answer!["accessToken"];
        }
        finally
        {
            _minting.Release();
        }
    }
}

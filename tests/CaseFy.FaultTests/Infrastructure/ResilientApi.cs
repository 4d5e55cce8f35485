using System.Net;
using System.Net.Http.Json;
using System.Text;
using CaseFy.Application.Access;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// The HTTP API as a client that outlives host crashes and storage outages: reads are retried on connection
/// errors and 503 until a deadline; writes are retried only where a repeat cannot do the work twice.
/// </summary>
public sealed class ResilientApi : IDisposable
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient _http;
    private readonly TimeSpan _patience;
    private readonly Func<DateTime>? _hostStartedAt;
    private int _internalErrors;

    /// <param name="hostStartedAt">
    /// When the host last came up, if it is being restarted: the patience then counts from the later of the first
    /// attempt and the last start, since nothing can answer while the host is down (a busy machine restarts slowly).
    /// </param>
    /// <param name="route">
    /// With several instances: the address each request goes to at that moment (see <see cref="FailoverHandler"/>);
    /// the development token is minted again at the new instance when it refuses the old one's.
    /// </param>
    public ResilientApi(Uri address, TimeSpan patience, Func<DateTime>? hostStartedAt = null, Func<Uri>? route = null)
    {
        _patience = patience;
        _hostStartedAt = hostStartedAt;
        HttpMessageHandler handler = new DevTokenHandler("Fault Admin", CaseFyRoles.Admin)
        {
            InnerHandler = new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(3),
                // A killed host leaves dead pooled connections behind; do not keep them long.
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
            },
        };
        if (route is not null)
        {
            handler = new FailoverHandler(route) { InnerHandler = handler };
        }

        _http = new HttpClient(handler)
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Http => _http;

    public async Task<CaseTemplate> CreateTemplateAsync(IReadOnlyList<string> stageKeys, CancellationToken cancellationToken)
    {
        var stages = string.Join(",", stageKeys.Select(k => $$"""{"key":"{{k}}","name":"Stage {{k}}"}"""));
        var json = $$"""{"name":"Fault {{Guid.NewGuid():N}}","stages":[{{stages}}]}""";

        // A template created twice is harmless: the test uses the one it got back.
        using var response = await RetryAsync(() => Post("/api/templates", json), cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Created, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, cancellationToken))!;
    }

    /// <summary>
    /// Opens a case. A connection lost mid-request may have opened it anyway; such an orphan is not this
    /// client's case (its id never reached it), so retrying is safe for the cases the test follows.
    /// </summary>
    public async Task<CaseRecord> OpenCaseAsync(string templateId, string title, CancellationToken cancellationToken)
    {
        var json = $$"""{"templateId":"{{templateId}}","title":"{{title}}"}""";
        using var response = await RetryAsync(() => Post("/api/cases", json), cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Created, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, cancellationToken))!;
    }

    public async Task<CaseRecord> GetCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        using var response = await RetryAsync(() => Get($"/api/cases/{caseId}"), cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, cancellationToken))!;
    }

    /// <summary>One advance request, not retried: the caller decides from the case's state whether to ask again.</summary>
    /// <returns>The response, or <see langword="null"/> when the connection failed (the request may or may not have been stored).</returns>
    public async Task<HttpResponseMessage?> TryAdvanceOnceAsync(string caseId, string reason, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(Post($"/api/cases/{caseId}/advance", $$"""{"reason":"{{reason}}"}"""), cancellationToken);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            return null;
        }
    }

    public async Task<List<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        string? token = null;
        do
        {
            var query = $"/api/cases/{caseId}/timeline?pageSize=100" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            using var response = await RetryAsync(() => Get(query), cancellationToken);
            await ExpectAsync(response, HttpStatusCode.OK, cancellationToken);
            var page = (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageTimelineEntry, cancellationToken))!;
            entries.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return entries;
    }

    /// <summary>GET /api/health once: its status code, or <see langword="null"/> when the host does not answer.</summary>
    public async Task<HttpStatusCode?> TryHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.SendAsync(Get("/api/health"), cancellationToken);
            return response.StatusCode;
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            return null;
        }
    }

    /// <summary>Sends until the host answers with something other than 502/503/504, or the patience runs out.</summary>
    public async Task<HttpResponseMessage> RetryAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var firstAttempt = DateTime.UtcNow;
        DateTime Deadline() => (_hostStartedAt?.Invoke() is { } started && started > firstAttempt ? started : firstAttempt) + _patience;
        while (true)
        {
            try
            {
                var response = await _http.SendAsync(request(), cancellationToken);
                if (!IsUnavailable(response.StatusCode) || DateTime.UtcNow >= Deadline())
                {
                    return response;
                }

                response.Dispose();
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken) && DateTime.UtcNow < Deadline())
            {
            }

            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>How many answers were 500 (an unexpected failure rather than "unavailable"); retried like the others.</summary>
    public int InternalErrors => _internalErrors;

    private bool IsUnavailable(HttpStatusCode status)
    {
        if (status == HttpStatusCode.InternalServerError)
        {
            Interlocked.Increment(ref _internalErrors);
            return true;
        }

        return status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
    }

    // Connection refused/reset, or our own timeout (not the test's cancellation).
    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));

    private static HttpRequestMessage Post(string path, string json) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

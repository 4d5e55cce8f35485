namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>
/// One generated attack: what to send and which answers are acceptable. Every answer must be a 4xx problem+json;
/// <see cref="Expected"/> narrows it where the status itself matters (401 for a bad token, 404 for a bad portal link).
/// </summary>
/// <param name="Family">The attack family (auth, route-parameters, bodies, portal-tokens, paging, methods).</param>
/// <param name="Route">The route it targets, as "METHOD pattern".</param>
/// <param name="Attack">What is hostile about it, for the failure message.</param>
/// <param name="Method">The HTTP method sent.</param>
/// <param name="PathAndQuery">The raw path and query, already percent-encoded as it goes on the wire.</param>
/// <param name="Authorization">The whole Authorization header value, or <see langword="null"/> for none.</param>
/// <param name="Body">The body bytes, or <see langword="null"/> for none.</param>
/// <param name="ContentType">The Content-Type header of the body, or <see langword="null"/> for none.</param>
/// <param name="Expected">The statuses allowed; <see langword="null"/>: any 4xx.</param>
/// <param name="Chunked">The body goes with chunked transfer encoding, without a Content-Length.</param>
/// <param name="RefusedByServer">
/// Kestrel itself refuses it while parsing the request line (a NUL in the path), before any application code runs,
/// with a bare 400 the application cannot shape: only the status and the unchanged storage are checked.
/// </param>
public sealed record HostileRequest(
    string Family,
    string Route,
    string Attack,
    string Method,
    string PathAndQuery,
    string? Authorization,
    byte[]? Body,
    string? ContentType,
    IReadOnlyCollection<int>? Expected = null,
    bool Chunked = false,
    bool RefusedByServer = false)
{
    public override string ToString()
    {
        var path = PathAndQuery.Length > 100 ? PathAndQuery[..100] + "…" : PathAndQuery;
        return $"[{Family}] {Route} — {Attack} ({Method} {path})";
    }
}

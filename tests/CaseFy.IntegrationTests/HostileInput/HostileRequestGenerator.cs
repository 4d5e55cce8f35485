using System.Text;
using System.Text.Json;
using CaseFy.LocalHost.Identity;

namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>
/// Generates the hostile requests, family by family, from the routes the host maps. Everything route-specific comes
/// from the route itself (its method, parameters, declared body type, paging) or from the world's real targets, so a
/// route added later is attacked without a change here.
/// </summary>
/// <param name="routes">Every route the host maps.</param>
/// <param name="signedIn">The routes that answer an anonymous caller 401 (they take a bearer token).</param>
/// <param name="world">The real targets.</param>
/// <param name="issuer">The host's development issuer (its key signs the expired and wrong-audience tokens).</param>
/// <param name="json">The host's JSON options, to read the declared body types' properties.</param>
public sealed partial class HostileRequestGenerator(
    IReadOnlyList<HostileRoute> routes, IReadOnlySet<string> signedIn, HostileWorld world, DevIssuer issuer, JsonSerializerOptions json)
{
    public const string Auth = "auth";
    public const string RouteParameters = "route-parameters";
    public const string Bodies = "bodies";
    public const string PortalTokens = "portal-tokens";
    public const string Paging = "paging";
    public const string Methods = "methods";

    private const string Json = "application/json";

    private const string Nul = "%00";

    private static readonly int[] NotFound = [404];

    /// <summary>Raw (already percent-encoded) values for a route parameter: malformed ids, traversal, injection, control characters.</summary>
    private static readonly (string Attack, string Value)[] ParameterValues =
    [
        ("well-formed unknown id", HostileWorld.UnknownId),
        ("upper-case hex id", "ABCDEF0123456789ABCDEF0123456789"),
        ("31 hex digits", HostileWorld.UnknownId[..31]),
        ("33 hex digits", HostileWorld.UnknownId + "0"),
        ("not hex", "0123456789abcdef0123456789abcdeg"),
        ("4,000 characters", new string('a', 4000)),
        ("encoded path traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
        ("backslash traversal", "..%5C..%5Cwindows%5Cwin.ini"),
        ("overlong UTF-8 dots", "%C0%AE%C0%AE%C0%AF"),
        ("NUL", Nul),
        ("CR LF header injection", "x%0D%0ASet-Cookie:%20a=b"),
        ("right-to-left override", "%E2%80%AEfdp.exe"),
        ("OData filter injection", "x'%20or%20PartitionKey%20ne%20'x"),
        ("wildcard", "*"),
        ("percent sign", "%25"),
        ("negative number", "-1"),
        ("huge number", "99999999999999999999999999"),
        ("emoji", "%F0%9F%92%A3"),
        ("markup", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("the placeholder itself", "%7Bid%7D"),
    ];

    private readonly IReadOnlyList<HostileRoute> _routes = routes;

    public IEnumerable<HostileRequest> All() =>
        AuthAttacks().Concat(RouteParameterAttacks()).Concat(BodyAttacks()).Concat(PortalTokenAttacks()).Concat(PagingAttacks()).Concat(MethodAttacks())
            .Concat(QueryAttacks()).Concat(FieldValueAttacks());

    /// <summary>Every route that wants a bearer token, with each header in <see cref="HostileTokens"/> and a valid body.</summary>
    public IEnumerable<HostileRequest> AuthAttacks()
    {
        var tokens = HostileTokens.All(issuer, world.MainToken, TimeProvider.System).ToList();
        foreach (var route in _routes.Where(r => signedIn.Contains(r.Key)))
        {
            var path = route.PathWith(p => world.ValueOf(route.Pattern, p));
            foreach (var (attack, header, expected) in tokens)
            {
                yield return WithValidBody(route, Auth, attack, path, header, expected);
            }

            // A valid admin token, but in the query string, where bearer tokens are not read (they would end up in logs).
            var query = "?access_token=" + Uri.EscapeDataString(world.AdminAuthorization["Bearer ".Length..]);
            yield return WithValidBody(route, Auth, "admin token in the query string", path + query, null, [401]);
        }
    }

    /// <summary>Each route parameter in turn gets each hostile value; the others keep their real values.</summary>
    public IEnumerable<HostileRequest> RouteParameterAttacks()
    {
        foreach (var route in _routes)
        {
            foreach (var parameter in route.Parameters)
            {
                foreach (var (attack, value) in ParameterValues)
                {
                    var path = route.PathWith(p => p == parameter ? value : world.ValueOf(route.Pattern, p));
                    var request = WithValidBody(
                        route, RouteParameters, $"{{{parameter}}} = {attack}", path, world.AdminAuthorization, parameter == "token" ? NotFound : null);
                    yield return value == Nul ? request with { Expected = [400], RefusedByServer = true } : request;
                }
            }
        }
    }

    /// <summary>Portal routes with tokens that are revoked, expired, tampered, cut, padded, or another case's.</summary>
    public IEnumerable<HostileRequest> PortalTokenAttacks()
    {
        var token = world.MainToken;
        var flipped = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var otherPrefix = world.OtherCaseToken[..22] + token[22..];
        (string Attack, string Value)[] tokens =
        [
            ("revoked link", world.RevokedToken),
            ("expired link", world.ExpiredToken),
            ("last character changed", flipped),
            ("another case's id with this link's secret", otherPrefix),
            ("this case's id with a made-up secret", token[..22] + new string('Q', token.Length - 22)),
            ("one character short", token[..^1]),
            ("one character long", token + "A"),
            ("with base64 padding", token + "%3D%3D"),
            ("upper-cased", token.ToUpperInvariant()),
            ("standard base64 alphabet", token.Replace('-', '+').Replace('_', '/').Replace("+", "%2B", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal)),
        ];
        foreach (var route in _routes.Where(r => r.Parameters.Contains("token")))
        {
            // A token without '-' or '_' (about one in four) is its own "standard alphabet" form: that is no attack.
            foreach (var (attack, value) in tokens.Where(t => t.Value != token))
            {
                var path = route.PathWith(p => p == "token" ? value : world.ValueOf(route.Pattern, p));
                yield return WithValidBody(route, PortalTokens, attack, path, null, NotFound);
            }

            if (route.Parameters.Count > 1)
            {
                // Another case's live token with this case's document key, task id...: the token opens its own case only.
                var path = route.PathWith(p => p == "token" ? world.OtherCaseToken : world.ValueOf(route.Pattern, p));
                yield return WithValidBody(route, PortalTokens, "another case's live link", path, null, NotFound);
            }
        }
    }

    /// <summary>Routes answering pages, with paging parameters out of range or not their own.</summary>
    public IEnumerable<HostileRequest> PagingAttacks()
    {
        string[] queries =
        [
            "pageSize=0", "pageSize=-1", "pageSize=101", "pageSize=ten", "pageSize=1e2", "pageSize=99999999999999999999",
            "pageSize=", "pageSize=1&pageSize=2", "continuationToken=", "continuationToken=%25%25%25",
            "continuationToken=bm90LWEtdG9rZW4", "continuationToken=" + new string('z', 600), "continuationToken=a&continuationToken=b",
        ];
        foreach (var route in _routes.Where(r => r.Pages && r.Method == "GET"))
        {
            foreach (var query in queries)
            {
                var path = route.PathWith(p => world.ValueOf(route.Pattern, p)) + "?" + query;
                yield return new HostileRequest(Paging, route.Key, query, route.Method, path, world.AdminAuthorization, null, null, [400]);
            }
        }
    }

    /// <summary>Every path with a method it does not map.</summary>
    public IEnumerable<HostileRequest> MethodAttacks()
    {
        foreach (var group in _routes.GroupBy(r => r.Pattern))
        {
            var route = group.First();
            var mapped = group.Select(r => r.Method).ToHashSet(StringComparer.Ordinal);
            var method = new[] { "PATCH", "PUT", "DELETE", "POST" }.First(m => !mapped.Contains(m));
            var path = route.PathWith(p => world.ValueOf(route.Pattern, p));
            yield return new HostileRequest(Methods, route.Key, $"{method} not mapped", method, path, world.AdminAuthorization, null, null, [405]);
        }
    }

    private HostileRequest WithValidBody(HostileRoute route, string family, string attack, string path, string? authorization, int[]? expected) =>
        route.TakesBody
            ? new HostileRequest(family, route.Key, attack, route.Method, path, authorization, Encoding.UTF8.GetBytes(world.ValidBodyFor(route)), route.BodyContentType, expected)
            : new HostileRequest(family, route.Key, attack, route.Method, path, authorization, null, null, expected);
}

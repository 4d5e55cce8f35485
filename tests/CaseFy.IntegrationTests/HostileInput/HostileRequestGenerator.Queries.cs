using System.Text;
using Microsoft.OpenApi;

namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>
/// The query family, generated from what each route declares it reads (its OpenAPI query parameters): values of the
/// wrong type, out of their enum, over their length, impossible dates; the case list's field filters with wrong types,
/// bad operators, unknown or unfilterable fields, overlong or repeated (a filter's value is checked for its type only,
/// never against the field's pattern: a value off the pattern just matches nothing); and the case data routes' field
/// values of every wrong type, huge, deeply nested or catastrophically backtracking. Paging is the paging family's.
/// </summary>
public sealed partial class HostileRequestGenerator
{
    public const string Queries = "queries";

    public const string FieldValues = "field-values";

    private const string CaseListRoute = "GET api/cases";

    // 64 a's then a mismatch: (a+)+$ takes 2^64 steps in a backtracking engine; a timeout or a linear engine answers at once.
    private static readonly string Backtracking = new string('a', 64) + "!";

    private static readonly string DeepObject = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);

    /// <summary>Every declared query parameter with values it must refuse, and the list's field filters.</summary>
    public IEnumerable<HostileRequest> QueryAttacks()
    {
        // The world holds no document version, so a version's routes answer 404 before they read their query.
        foreach (var route in _routes.Where(r => r.Method == "GET" && !r.Parameters.Contains("version")))
        {
            var path = route.PathWith(p => world.ValueOf(route.Pattern, p));
            foreach (var query in route.Queries.Where(q => q.Name is not ("pageSize" or "continuationToken") && q.NamePattern is null))
            {
                foreach (var (attack, value) in WrongQueryValues(query))
                {
                    yield return new HostileRequest(Queries, route.Key, $"{query.Name}: {attack}", "GET", $"{path}?{query.Name}={value}", world.AdminAuthorization, null, null, [400]);
                }
            }
        }

        var template = "templateId=" + world.ValueOf("api/templates/{id}", "id");
        string[] filters =
        [
            "field.team=red", $"{template}&field.nosuch=1", $"{template}&field.note=hostile", $"{template}&field.amount.gt=ten",
            $"{template}&field.amount.gt=1e999", $"{template}&field.amount.like=1", $"{template}&field.team.gt=red",
            $"{template}&field.team=green", $"{template}&field.startDate.gte=yesterday", $"{template}&field.startDate.gte=2026-02-30",
            $"{template}&field.code=" + new string('a', 201), $"{template}&field.=1",
            $"{template}&field.Team=red", $"{template}&field.team=red&field.team=blue",
            template + string.Concat(Enumerable.Range(0, 11).Select(i => $"&field.amount.gte={i + 100}")),
        ];
        foreach (var filter in filters)
        {
            yield return new HostileRequest(Queries, CaseListRoute, filter.Length > 80 ? filter[..80] : filter, "GET", "/api/cases?" + filter, world.AdminAuthorization, null, null, [400]);
        }
    }

    /// <summary>The case data routes (open with data, patch): each field given values it must refuse.</summary>
    public IEnumerable<HostileRequest> FieldValueAttacks()
    {
        (string Field, string Attack, string Value)[] values =
        [
            ("note", "a number", "12"), ("note", "true", "true"), ("note", "an array", "[\"a\"]"), ("note", "an object", "{}"),
            ("note", "an object nested 40 deep", DeepObject), ("note", "100,000 characters", "\"" + new string('a', 100_000) + "\""),
            ("note", "off its pattern", "\"UPPER\""), ("amount", "a word", "\"ten\""), ("amount", "1e999", "1e999"),
            ("amount", "under its minimum", "99"), ("amount", "over its maximum", "1000.01"), ("amount", "an array", "[250]"),
            ("amount", "an object nested 40 deep", DeepObject), ("startDate", "an impossible date", "\"2026-02-30\""),
            ("startDate", "a date-time", "\"2026-03-03T10:00:00Z\""), ("startDate", "a number", "20260303"),
            ("team", "not an option", "\"green\""), ("team", "a list", "[\"red\"]"), ("team", "another case", "\"Red\""),
            ("code", "catastrophic backtracking", "\"" + Backtracking + "\""), ("code", "a huge backtracking string", "\"" + new string('a', 100_000) + "!\""),
            ("reference", "a field only the outside party fills", "\"x\""), ("nosuch", "an unknown field", "1"),
        ];
        var caseId = world.ValueOf("api/cases/{id}", "id");
        var templateId = world.ValueOf("api/templates/{id}", "id");
        foreach (var (field, attack, value) in values)
        {
            var data = "{\"" + field + "\":" + value + "}";
            yield return new HostileRequest(
                FieldValues, "PATCH api/cases/{id}/data", $"{field}: {attack}", "PATCH", $"/api/cases/{caseId}/data", world.AdminAuthorization,
                Encoding.UTF8.GetBytes(data), "application/merge-patch+json", [400]);
            yield return new HostileRequest(
                FieldValues, "POST api/cases", $"{field}: {attack}", "POST", "/api/cases", world.AdminAuthorization,
                Encoding.UTF8.GetBytes($$"""{"templateId":"{{templateId}}","title":"Hostile data","data":{{data}}}"""), Json, [400]);
        }
    }

    private static IEnumerable<(string Attack, string Value)> WrongQueryValues(Application.Apis.OpenApi.QueryParameter query)
    {
        if (query.Values is not null)
        {
            yield return ("not one of its values", "no-such-value");
            yield return ("its value in capitals", query.Values[0].ToUpperInvariant() + "X");
        }

        if (query.Type == JsonSchemaType.Integer)
        {
            yield return ("a word", "ten");
            yield return ("an exponent", "1e2");
            yield return ("a huge number", "99999999999999999999");
        }

        if (query.Format == "date-time")
        {
            yield return ("a word", "yesterday");
            yield return ("an impossible date", "2026-02-30T00:00:00Z");
        }

        if (query.MaxLength is { } maxLength)
        {
            yield return ($"{maxLength + 1} characters", new string('a', maxLength + 1));
        }
    }
}

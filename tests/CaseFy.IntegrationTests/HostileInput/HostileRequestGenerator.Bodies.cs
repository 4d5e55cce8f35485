using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>The body family: malformed, truncated, mistyped, oversized, deeply nested, unknown fields, wrong content types.</summary>
public sealed partial class HostileRequestGenerator
{
    private enum Kind { String, Number, Bool, Enum, Scalar, Array, Object, Any }

    private static readonly string HugeString = "\"" + new string('x', 100_000) + "\"";
    private static readonly string HugeArray = "[" + string.Join(",", Enumerable.Repeat("\"x\"", 20_000)) + "]";
    // Just over the hosts' 1 MiB cap (RequestSizeLimit), which no route may let through.
    private static readonly byte[] OverTheCap = Encoding.UTF8.GetBytes(new string(' ', (1024 + 1) * 1024) + "{}");
    private static readonly byte[] SixHundredKilobytes = Encoding.UTF8.GetBytes(new string(' ', 600 * 1024) + "{}");
    private static readonly string DeepArray = new string('[', 40) + new string(']', 40);

    /// <summary>
    /// Every route that reads a body, with its real parameters, gets each body; every other route gets a body over
    /// the hosts' cap, which must be refused before the route runs.
    /// </summary>
    public IEnumerable<HostileRequest> BodyAttacks()
    {
        foreach (var route in _routes.Where(r => !r.ReadsBody))
        {
            var path = route.PathWith(p => world.ValueOf(route.Pattern, p));
            yield return new HostileRequest(
                Bodies, route.Key, "body over 1 MiB on a route that reads none", route.Method, path, world.AdminAuthorization, OverTheCap, Json, [413]);
        }

        foreach (var route in _routes.Where(r => r.ReadsBody))
        {
            var path = route.PathWith(p => world.ValueOf(route.Pattern, p));
            var valid = world.ValidBodyFor(route);
            foreach (var (attack, body, contentType, expected) in GenericBodies(valid, route.BodyContentType))
            {
                yield return new HostileRequest(Bodies, route.Key, attack, route.Method, path, world.AdminAuthorization, body, contentType, expected);
            }

            // No Content-Length to refuse up front: the route's own reading must stop at its limit. (Under the hosts' 1 MB
            // cap: past it Kestrel ends the connection while the client still sends, and no answer can be read.)
            yield return new HostileRequest(
                Bodies, route.Key, "600 KB body, chunked", route.Method, path, world.AdminAuthorization, SixHundredKilobytes, route.BodyContentType, Chunked: true);

            foreach (var (name, kind) in PropertiesOf(route, valid))
            {
                foreach (var (attack, value) in WrongValues(kind))
                {
                    yield return new HostileRequest(
                        Bodies, route.Key, $"$.{name} = {attack}", route.Method, path, world.AdminAuthorization, With(valid, name, value), route.BodyContentType);
                }
            }
        }
    }

    private static IEnumerable<(string Attack, byte[] Body, string? ContentType, int[]? Expected)> GenericBodies(string valid, string json)
    {
        var validNode = JsonNode.Parse(valid);
        var isObject = validNode is JsonObject;
        (string, string)[] texts =
        [
            ("unclosed object", "{"),
            ("unclosed string", "{\""),
            ("missing value", "{\"a\":"),
            ("trailing comma", "{\"a\":1,}"),
            ("bare word", "nul"),
            ("single quotes", "{'a':'b'}"),
            ("XML", "<case><title>x</title></case>"),
            ("two documents", valid + valid),
            ("comment", "{/* comment */}"),
            ("closing brace first", "}{"),
            ("truncated valid body", valid[..(valid.Length / 2)]),
            ("deeply nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000)),
            ("deeply nested arrays", new string('[', 5000) + new string(']', 5000)),
            ("array of 100,000 numbers", "[" + string.Join(",", Enumerable.Repeat("1", 100_000)) + "]"),
            ("top-level string", "\"text\""),
            ("top-level number", "0"),
            ("top-level true", "true"),
            ("top-level null", "null"),
            (isObject ? "top-level array" : "top-level object", isObject ? "[{}]" : "{}"),
        ];
        foreach (var (attack, text) in texts)
        {
            yield return (attack, Encoding.UTF8.GetBytes(text), json, null);
        }

        yield return ("byte order mark then a cut object", [0xEF, 0xBB, 0xBF, (byte)'{'], json, null);
        yield return ("invalid UTF-8", [.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8], json, null);
        yield return ("UTF-16 encoded", Encoding.Unicode.GetBytes(valid), json, null);

        if (validNode is JsonObject)
        {
            yield return ("unknown field", With(valid, "zzUnknown", "1"), json, null);
            yield return ("__proto__ field", With(valid, "__proto__", "{\"isAdmin\":true}"), json, null);
            yield return ("$type polymorphism", With(valid, "$type", "\"System.IO.FileInfo, System.IO.FileSystem\""), json, null);
            yield return ("field nested 64 deep", With(valid, "zzDeep", new string('[', 64) + new string(']', 64)), json, null);
            yield return ("300 KB extra field", With(valid, "zzPad", "\"" + new string('x', 300 * 1024) + "\""), json, null);
        }

        yield return ("body over 1 MiB", Encoding.UTF8.GetBytes(new string(' ', (1024 + 1) * 1024) + valid), json, [413]);

        // A route that takes a JSON media type of its own (a merge patch) refuses plain JSON too.
        var others = new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz" };
        foreach (var contentType in json == Json ? others : [.. others, Json])
        {
            yield return ($"as {contentType}", Encoding.UTF8.GetBytes(valid), contentType, [415]);
        }

        yield return ("no content type", Encoding.UTF8.GetBytes(valid), null, [415]);
    }

    /// <summary>The valid body (or <c>{}</c> when it is no object) with one property set to a raw JSON text, written as is.</summary>
    private static byte[] With(string valid, string name, string rawValue)
    {
        var body = JsonNode.Parse(valid) as JsonObject ?? [];
        body.Remove(name);
        var rest = body.ToJsonString();
        var separator = body.Count == 0 ? string.Empty : ",";
        return Encoding.UTF8.GetBytes(rest[..^1] + separator + "\"" + name + "\":" + rawValue + "}");
    }

    /// <summary>The body's properties: from the declared body type when there is one, and from the valid body.</summary>
    private IEnumerable<(string Name, Kind Kind)> PropertiesOf(HostileRoute route, string valid)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (route.BodyType is { } type && json.GetTypeInfo(type).Properties is { } properties)
        {
            foreach (var property in properties)
            {
                if (seen.Add(property.Name))
                {
                    yield return (property.Name, KindOf(property.PropertyType));
                }
            }
        }

        if (JsonNode.Parse(valid) is JsonObject body)
        {
            foreach (var (name, value) in body)
            {
                if (seen.Add(name))
                {
                    yield return (name, KindOf(value));
                }
            }
        }
    }

    private static Kind KindOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(string) => Kind.String,
            _ when t == typeof(bool) => Kind.Bool,
            _ when t.IsEnum => Kind.Enum,
            _ when t.IsPrimitive || t == typeof(decimal) => Kind.Number,
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(TimeSpan) || t == typeof(Guid) || t == typeof(DateOnly) => Kind.Scalar,
            _ when t == typeof(object) || t == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(t) => Kind.Any,
            _ when typeof(IDictionary).IsAssignableFrom(t) || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) => Kind.Object,
            _ when typeof(IEnumerable).IsAssignableFrom(t) => Kind.Array,
            _ => Kind.Object,
        };
    }

    private static Kind KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => Kind.String,
        JsonValueKind.Number => Kind.Number,
        JsonValueKind.True or JsonValueKind.False => Kind.Bool,
        JsonValueKind.Array => Kind.Array,
        JsonValueKind.Object => Kind.Object,
        _ => Kind.Any,
    };

    /// <summary>Values of the wrong type for a kind (numbers may come as strings: web defaults read them), and extremes.</summary>
    private static (string Attack, string Value)[] WrongValues(Kind kind) => kind switch
    {
        Kind.String =>
        [
            ("a number", "12"), ("true", "true"), ("an array", "[]"), ("an object", "{}"),
            ("100,000 characters", HugeString), ("a NUL character", "\"a\\u0000b\""), ("a lone surrogate", "\"\\ud800\""),
        ],
        Kind.Number => [("true", "true"), ("a word", "\"twelve\""), ("an array", "[]"), ("1e999", "1e999"), ("a fraction", "1.5"), ("a huge negative", "-99999999999999999999999")],
        Kind.Bool => [("a string", "\"yes\""), ("a number", "1"), ("an array", "[]")],
        Kind.Enum => [("no such value", "\"no-such-value\""), ("true", "true"), ("an array", "[]")],
        Kind.Scalar => [("garbage", "\"garbage\""), ("true", "true"), ("an array", "[]")],
        Kind.Array => [("a string", "\"x\""), ("an object", "{}"), ("true", "true"), ("20,000 items", HugeArray), ("nested 40 deep", DeepArray), ("a null item", "[null]")],
        Kind.Object => [("a string", "\"x\""), ("an array", "[]"), ("true", "true"), ("an unknown field", "{\"zzUnknown\":1}")],
        _ => [],
    };
}

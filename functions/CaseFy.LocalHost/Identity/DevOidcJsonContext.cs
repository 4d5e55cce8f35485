using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFy.LocalHost.Identity;

/// <summary>JSON for the development OpenID provider: OAuth's snake_case member names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DevOidcMetadata))]
[JsonSerializable(typeof(DevTokenSet))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(DevJsonWebKeySet))]
public sealed partial class DevOidcJsonContext : JsonSerializerContext;

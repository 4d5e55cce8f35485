using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFy.LocalHost.Identity;

/// <summary>JSON for the development token route; unknown members are refused like everywhere else.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    MaxDepth = 8)]
[JsonSerializable(typeof(DevTokenRequest))]
[JsonSerializable(typeof(DevTokenResponse))]
public sealed partial class DevTokenJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFy.Application.Cases;

namespace CaseFy.Application.Apis;

/// <summary>
/// Source-generated JSON for the case work request bodies, apart from the model's stored shapes
/// (<c>CaseFyJsonContext</c>) and as strict as they are: an unknown, duplicate or mistyped member is a 400.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(AssignTask))]
[JsonSerializable(typeof(SetTaskDue))]
[JsonSerializable(typeof(CompleteTask))]
[JsonSerializable(typeof(ReasonRequest))]
[JsonSerializable(typeof(DirectUploadRequest))]
[JsonSerializable(typeof(RecordDecision))]
[JsonSerializable(typeof(MoveCase))]
[JsonSerializable(typeof(CloseCase))]
[JsonSerializable(typeof(NewComment))]
[JsonSerializable(typeof(NewMessage))]
[JsonSerializable(typeof(NewPortalMessage))]
[JsonSerializable(typeof(CaseFy.Application.Mail.TeamMailSettingChange))]
public sealed partial class RequestJsonContext : JsonSerializerContext;

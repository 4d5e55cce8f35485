using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Events;
using CaseFy.Model.Portal;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Json;

/// <summary>
/// The model's JSON contract for HTTP (source-generated, web defaults: camelCase), beside the API's own contexts.
/// Unknown members are refused so a typo in a request is a 400, not silently ignored. What the tables store is written
/// by the storage-only StorageJsonContext (CaseFy.Storage), pinned by StoredJsonGoldenTests.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(CaseRecord))]
[JsonSerializable(typeof(CaseTemplate))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(Page<CaseRecord>))]
[JsonSerializable(typeof(Page<TimelineEntry>))]
[JsonSerializable(typeof(TemplateDraft))]
[JsonSerializable(typeof(NewCase))]
[JsonSerializable(typeof(AdvanceCase))]
[JsonSerializable(typeof(TimelineVerification))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(LifecycleEvent))]
[JsonSerializable(typeof(EventFeedPage))]
[JsonSerializable(typeof(NewTask))]
[JsonSerializable(typeof(CaseTask))]
[JsonSerializable(typeof(TaskSummary))]
[JsonSerializable(typeof(Page<TaskSummary>))]
[JsonSerializable(typeof(TemplateSummary))]
[JsonSerializable(typeof(List<TemplateSummary>))]
[JsonSerializable(typeof(List<CaseTemplate>))]
[JsonSerializable(typeof(IReadOnlyList<CaseTemplate>))]
[JsonSerializable(typeof(IReadOnlyList<TemplateSummary>))]
[JsonSerializable(typeof(NewParticipant))]
[JsonSerializable(typeof(NewOwner))]
[JsonSerializable(typeof(NewPortalLink))]
[JsonSerializable(typeof(CaseFy.Model.Intake.IntakeSubmission))]
[JsonSerializable(typeof(List<CaseParticipant>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(CaseFy.Model.Notifications.Notification))]
public sealed partial class CaseFyJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using CaseFy.Application.Access;
using CaseFy.Application.Health;
using CaseFy.Application.Portal;
using CaseFy.Application.Reports;

namespace CaseFy.Application.Apis;

/// <summary>Source-generated JSON for the API's own response types (the model's are in <c>CaseFyJsonContext</c>).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(SubscriptionValidationResponse))]
[JsonSerializable(typeof(CaseBoard))]
[JsonSerializable(typeof(CaseFy.Application.Cases.CaseView))]
[JsonSerializable(typeof(TemplateMetrics))]
[JsonSerializable(typeof(ClientConfig))]
[JsonSerializable(typeof(CreatedPortalLink))]
[JsonSerializable(typeof(CaseFy.Application.Intake.IntakeForm))]
[JsonSerializable(typeof(CaseFy.Application.Intake.IntakeReceipt))]
[JsonSerializable(typeof(List<PortalLinkSummary>))]
[JsonSerializable(typeof(PortalView))]
[JsonSerializable(typeof(CaseFy.Model.Page<PortalTimelineEntry>))]
[JsonSerializable(typeof(CaseFy.Model.Portal.PortalMessage))]
[JsonSerializable(typeof(CaseFy.Model.Page<CaseFy.Model.Portal.PortalMessage>))]
[JsonSerializable(typeof(CaseFy.Application.Documents.CaseDocumentList))]
[JsonSerializable(typeof(CaseFy.Application.Documents.DirectUploadTicket))]
[JsonSerializable(typeof(CaseFy.Model.Page<CaseFy.Model.Notifications.Notification>))]
[JsonSerializable(typeof(CaseFy.Application.Notifications.UnreadCount))]
[JsonSerializable(typeof(CaseFy.Application.Notifications.MarkedRead))]
[JsonSerializable(typeof(CaseFy.Application.Mail.TeamMailSettingView))]
public sealed partial class ApiJsonContext : JsonSerializerContext;

namespace CaseFy.Application.Apis;

/// <summary>
/// Every route of the HTTP API, relative to <see cref="Prefix"/>. Both hosts map exactly these under <c>/api</c> (the
/// Functions app's catch-all trigger takes every path under host.json's route prefix, also <c>api</c>).
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Health = "health";
    public const string OpenApiDocument = "openapi.json";
    public const string Templates = "templates";
    public const string Template = "templates/{id}";
    public const string TemplateBoard = "templates/{id}/board";
    public const string TemplateMetrics = "templates/{id}/metrics";
    public const string TemplateMetricsRebuild = "templates/{id}/metrics/rebuild";
    public const string Cases = "cases";
    public const string Case = "cases/{id}";
    public const string CaseAdvance = "cases/{id}/advance";
    public const string CaseData = "cases/{id}/data";
    public const string CaseTimeline = "cases/{id}/timeline";
    public const string CaseView = "cases/{id}/view";
    public const string CaseTimelineVerify = "cases/{id}/timeline/verify";
    public const string CaseTimelineExport = "cases/{id}/timeline/export";
    public const string Events = "events";
    public const string EventGridWebhook = "events/eventgrid";

    public const string TemplateVersions = "templates/{id}/versions";
    public const string TemplateArchive = "templates/{id}/archive";

    public const string Tasks = "tasks";
    public const string CaseTasks = "cases/{id}/tasks";
    public const string TaskAssign = "cases/{id}/tasks/{taskId}/assign";
    public const string TaskDue = "cases/{id}/tasks/{taskId}/due";
    public const string TaskComplete = "cases/{id}/tasks/{taskId}/complete";
    public const string TaskReopen = "cases/{id}/tasks/{taskId}/reopen";

    public const string CaseDecision = "cases/{id}/decision";
    public const string CaseMove = "cases/{id}/move";
    public const string CaseHold = "cases/{id}/hold";
    public const string CaseResume = "cases/{id}/resume";
    public const string CaseClose = "cases/{id}/close";
    public const string CaseReopen = "cases/{id}/reopen";
    public const string CaseComments = "cases/{id}/comments";
    public const string CaseMessages = "cases/{id}/messages";
    public const string CaseMessageWithFile = "cases/{id}/messages/{linkId}/file";
    public const string Config = "config";

    public const string Notifications = "notifications";
    public const string NotificationCount = "notifications/count";
    public const string NotificationRead = "notifications/{id}/read";
    public const string NotificationsReadAll = "notifications/read-all";
    public const string MyMail = "me/mail";

    /// <summary>The local host's development token route (never mapped by the Functions app).</summary>
    public const string DevToken = "dev/token";
    public const string CaseParticipants = "cases/{id}/participants";
    public const string CaseParticipant = "cases/{id}/participants/{participantId}";
    public const string CaseOwner = "cases/{id}/owner";
    public const string CasePortalLinks = "cases/{id}/portal-links";
    public const string CasePortalLink = "cases/{id}/portal-links/{linkId}";
    public const string Portal = "portal/{token}";
    public const string PortalData = "portal/{token}/data";
    public const string PortalTimeline = "portal/{token}/timeline";
    public const string PortalMessages = "portal/{token}/messages";
    public const string PortalMessageWithFile = "portal/{token}/messages/file";
    public const string PortalMessageAttachment = "portal/{token}/messages/{seq}/attachment";
    public const string PortalDocument = "portal/{token}/documents/{key}";
    public const string PortalDocumentUploadUrl = "portal/{token}/documents/{key}/upload-url";
    public const string PortalDocumentConfirm = "portal/{token}/documents/{key}/versions/{version}/confirm";
    public const string Intake = "intake/{slug}";

    public const string CaseDocuments = "cases/{id}/documents";
    public const string CaseDocument = "cases/{id}/documents/{key}";
    public const string CaseDocumentUploadUrl = "cases/{id}/documents/{key}/upload-url";
    public const string DocumentConfirm = "cases/{id}/documents/{key}/versions/{version}/confirm";
    public const string DocumentContent = "cases/{id}/documents/{key}/versions/{version}/content";
    public const string DocumentAccept = "cases/{id}/documents/{key}/accept";
    public const string DocumentReject = "cases/{id}/documents/{key}/reject";
}

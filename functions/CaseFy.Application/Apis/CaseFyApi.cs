using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>Maps the whole HTTP API (both hosts, through <see cref="Http.CaseFyHttpPipeline"/>).</summary>
public static class CaseFyApi
{
    public static IEndpointRouteBuilder MapCaseFyApi(this IEndpointRouteBuilder app) =>
        app.MapCaseFyOpenApi().MapHealthApi().MapConfigApi().MapTemplatesApi().MapCasesApi().MapTimelineApi().MapReportsApi()
            .MapEventsApi().MapEventGridWebhookApi().MapParticipantsApi().MapPortalLinksApi().MapPortalApi()
            .MapTasksApi().MapCaseActionsApi().MapCaseDataApi().MapDocumentsApi()
            .MapNotificationsApi().MapMyMailApi().MapMessagesApi().MapIntakeApi();
}

namespace CaseFy.Application.Apis;

/// <summary>The answer to Event Grid's subscription validation event: the code it sent, echoed.</summary>
public sealed record SubscriptionValidationResponse(string ValidationResponse);

namespace CaseFy.Model.Access;

/// <summary>An internal person taking part in a case.</summary>
/// <param name="Id">The person's Entra object id (the <c>oid</c> claim): what access checks compare.</param>
/// <param name="Name">The display name, as shown on the case.</param>
/// <param name="Role">What they may do on this case.</param>
public sealed record CaseParticipant(string Id, string Name, ParticipantRole Role);

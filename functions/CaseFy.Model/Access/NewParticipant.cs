namespace CaseFy.Model.Access;

/// <summary>What a client submits to add someone to a case (role <c>member</c> or <c>viewer</c>).</summary>
public sealed record NewParticipant(string? Id, string? Name, ParticipantRole? Role);

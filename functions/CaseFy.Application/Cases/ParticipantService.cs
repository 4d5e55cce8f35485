using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Cases;

/// <summary>Who takes part in a case: each change is stored with its timeline entry, naming who made it.</summary>
public sealed class ParticipantService(ICaseStore cases, TimeProvider time)
{
    public ICaseStore Store => cases;

    /// <exception cref="CaseRuleException">The rules refuse the change.</exception>
    public Task<CaseRecord?> AddAsync(string caseId, CaseParticipant participant, Actor actor, CancellationToken cancellationToken) =>
        cases.UpdateAsync(caseId, c => CaseParticipants.Add(c, participant, actor, time.GetUtcNow()), cancellationToken);

    /// <exception cref="CaseRuleException">The participant owns the case.</exception>
    public Task<CaseRecord?> RemoveAsync(string caseId, string participantId, Actor actor, CancellationToken cancellationToken) =>
        cases.UpdateAsync(caseId, c => CaseParticipants.Remove(c, participantId, actor, time.GetUtcNow()), cancellationToken);

    /// <exception cref="CaseRuleException">The case is full.</exception>
    public Task<CaseRecord?> ChangeOwnerAsync(string caseId, string ownerId, string ownerName, Actor actor, CancellationToken cancellationToken) =>
        cases.UpdateAsync(caseId, c => CaseParticipants.ChangeOwner(c, ownerId, ownerName, actor, time.GetUtcNow()), cancellationToken);
}

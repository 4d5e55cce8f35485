using CaseFy.Model.Cases;
using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Access;

/// <summary>The outcome of an access check on one case: the case as read, or the problem to answer with.</summary>
/// <param name="Case">The case, when access is granted.</param>
/// <param name="Problem">401, 403 or 404 when it is not.</param>
public readonly record struct CaseAccess(CaseRecord? Case, IResult? Problem);

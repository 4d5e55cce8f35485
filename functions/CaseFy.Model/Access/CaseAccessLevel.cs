namespace CaseFy.Model.Access;

/// <summary>What a person may do on one case; each level includes the ones below it.</summary>
public enum CaseAccessLevel
{
    /// <summary>The case does not exist for them (answered as 404, so its existence does not leak).</summary>
    None = 0,

    /// <summary>Read the case, its timeline and its participants.</summary>
    Read = 1,

    /// <summary>Act on the case (advance it, add documents, complete tasks...).</summary>
    Work = 2,

    /// <summary>Decide who takes part: participants, the owner, portal links.</summary>
    Manage = 3,
}

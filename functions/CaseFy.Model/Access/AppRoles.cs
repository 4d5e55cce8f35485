namespace CaseFy.Model.Access;

/// <summary>The Entra ID app roles a signed-in person holds, as flags (a token may carry several).</summary>
[Flags]
public enum AppRoles
{
    None = 0,

    /// <summary><c>CaseFy.Viewer</c>: reads the cases they take part in.</summary>
    Viewer = 1,

    /// <summary><c>CaseFy.Member</c>: opens cases and works the cases they take part in.</summary>
    Member = 2,

    /// <summary><c>CaseFy.Admin</c>: templates, and every case.</summary>
    Admin = 4,
}

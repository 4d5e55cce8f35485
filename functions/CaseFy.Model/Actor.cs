namespace CaseFy.Model;

/// <summary>Who did something: a signed-in person, an external party or CaseFy itself.</summary>
/// <param name="Id">A stable identifier (an Entra object id, a portal link id, or <c>system</c>).</param>
/// <param name="Name">The display name shown on the timeline.</param>
public sealed record Actor(string Id, string Name)
{
    /// <summary>CaseFy's own automations (stage entry/exit driven by the orchestration).</summary>
    public static Actor System { get; } = new("system", "CaseFy");

    /// <summary>A caller nobody signed in; used only until access control is configured.</summary>
    public static Actor Anonymous { get; } = new("anonymous", "Anonymous");
}

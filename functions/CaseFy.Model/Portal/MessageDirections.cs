namespace CaseFy.Model.Portal;

/// <summary>Which way a message went (the <c>direction</c> of a <c>MessageSent</c> entry).</summary>
public static class MessageDirections
{
    /// <summary>From the team to the outside party of the link.</summary>
    public const string ToExternal = "toExternal";

    /// <summary>From the outside party of the link to the team.</summary>
    public const string FromExternal = "fromExternal";
}

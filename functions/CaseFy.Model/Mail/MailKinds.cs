namespace CaseFy.Model.Mail;

/// <summary>What a mail is about (<see cref="MailDelivery.Kind"/>, and <c>kind</c> on its timeline record).</summary>
public static class MailKinds
{
    /// <summary>The team wrote the outside party a message (<c>MessageSent</c> to a link).</summary>
    public const string Message = "message";

    /// <summary>Something is asked of the outside party: a stage that wants their upload or answers, a document asked again.</summary>
    public const string Asked = "asked";

    /// <summary>The receipt of an intake form: the submitter's own link to follow the case.</summary>
    public const string Welcome = "welcome";

    /// <summary>A team member's notification, mailed as it is written (their setting: immediate).</summary>
    public const string TeamNotification = "notification";

    /// <summary>A team member's daily digest of their notifications (their setting: dailyDigest).</summary>
    public const string TeamDigest = "digest";
}

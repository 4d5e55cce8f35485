namespace CaseFy.PortalTests;

/// <summary>A <see cref="PortalFixture"/> whose host mails into a pickup folder of its own (the other fixtures send no mail).</summary>
public sealed class MailPortalFixture : PortalFixture
{
    /// <summary>Where the host writes each mail as a <c>.eml</c> file.</summary>
    public string PickupFolder { get; } = Directory.CreateTempSubdirectory("casefy-portal-mail-").FullName;

    protected override string[] HostSettings => [$"--Mail:PickupFolder={PickupFolder}", "--Mail:PollInterval=00:00:00.100"];
}

using CaseFy.Model.Mail;

namespace CaseFy.Model.Ports;

/// <summary>Each team member's mail setting (one row per person).</summary>
public interface ITeamMailSettings
{
    /// <summary>The person's setting; <see langword="null"/> when they never chose one (mail off).</summary>
    Task<TeamMailSetting?> GetAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Writes the person's delivery, address and <see cref="TeamMailSetting.ChangedAt"/>; the digest's marks stay as they are.</summary>
    Task SaveAsync(TeamMailSetting setting, CancellationToken cancellationToken);

    /// <summary>Everyone whose delivery is <paramref name="delivery"/>.</summary>
    Task<IReadOnlyList<TeamMailSetting>> ListAsync(string delivery, CancellationToken cancellationToken);

    /// <summary>Records that the person's digest of <paramref name="day"/> (<c>yyyy-MM-dd</c>) is done, covering up to <paramref name="until"/>.</summary>
    Task MarkDigestedAsync(string personId, string day, DateTimeOffset until, CancellationToken cancellationToken);
}

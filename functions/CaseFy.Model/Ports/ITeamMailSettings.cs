using CaseFy.Model.Mail;

namespace CaseFy.Model.Ports;

/// <summary>Each team member's mail setting (one row per person).</summary>
public interface ITeamMailSettings
{
    /// <summary>The person's setting; <see langword="null"/> when they never chose one (mail off).</summary>
    Task<TeamMailSetting?> GetAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Writes the person's delivery, address and <see cref="TeamMailSetting.ChangedAt"/>; the digest's marks stay as they are.</summary>
    Task SaveAsync(TeamMailSetting setting, CancellationToken cancellationToken);
}

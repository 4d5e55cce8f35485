using CaseFy.Model.Mail;
using CaseFy.Model.Ports;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Mail;

/// <summary>
/// A team member reads and chooses their mail setting. Each read or change by the person stores the address their
/// token carries now, so the mailer, which runs without their token, writes to the current one.
/// </summary>
public sealed class TeamMailPreferences(ITeamMailSettings settings, IOptions<MailOptions> options, TimeProvider time)
{
    /// <summary>Why a setting other than off is refused.</summary>
    public const string NoAddressMessage =
        "Your sign-in carries no e-mail address (token claim email or preferred_username), so mail can only be off.";

    /// <summary>The person's setting (off when never chosen), its stored address refreshed from <paramref name="address"/>.</summary>
    public async Task<TeamMailSettingView> ReadAsync(string personId, string? address, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(personId, cancellationToken);
        if (current is not null && current.Address != address)
        {
            await settings.SaveAsync(current with { Address = address }, cancellationToken);
        }

        return View(current?.Delivery ?? TeamMailDeliveries.Off, address);
    }

    /// <summary>Chooses <paramref name="delivery"/> (already validated) for the person, with <paramref name="address"/>.</summary>
    public async Task<TeamMailSettingView> ChangeAsync(string personId, string? address, string delivery, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(personId, cancellationToken);
        var changedAt = current?.Delivery == delivery ? current.ChangedAt : time.GetUtcNow();
        await settings.SaveAsync(new TeamMailSetting(personId, delivery, address, changedAt), cancellationToken);
        return View(delivery, address);
    }

    /// <summary>The problems of <paramref name="change"/> for a caller whose token carries <paramref name="address"/>.</summary>
    public static Dictionary<string, string[]> Validate(TeamMailSettingChange change, string? address)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new Dictionary<string, string[]>();
        if (change.Delivery is null || !TeamMailDeliveries.All.Contains(change.Delivery, StringComparer.Ordinal))
        {
            errors["delivery"] = [$"delivery is one of {string.Join(", ", TeamMailDeliveries.All)}."];
        }
        else if (change.Delivery != TeamMailDeliveries.Off && address is null)
        {
            errors["delivery"] = [NoAddressMessage];
        }

        return errors;
    }

    private TeamMailSettingView View(string delivery, string? address) =>
        new(delivery, address, options.Value.IsEnabled, options.Value.DigestHourUtc);
}

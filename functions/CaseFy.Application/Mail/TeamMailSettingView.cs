namespace CaseFy.Application.Mail;

/// <summary>The answer of <c>GET</c>/<c>PUT /api/me/mail</c>.</summary>
/// <param name="Delivery">off, immediate or dailyDigest.</param>
/// <param name="Address">Where mail goes: the address the caller's token carries; <see langword="null"/> when it carries none (then only off is possible).</param>
/// <param name="MailEnabled">Whether this installation sends mail at all (a setting is kept either way).</param>
/// <param name="DigestHourUtc">The UTC hour the daily digest goes out.</param>
public sealed record TeamMailSettingView(string Delivery, string? Address, bool MailEnabled, int DigestHourUtc);

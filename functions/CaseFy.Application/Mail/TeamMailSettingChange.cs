namespace CaseFy.Application.Mail;

/// <summary>The body of <c>PUT /api/me/mail</c>.</summary>
/// <param name="Delivery">off, immediate or dailyDigest.</param>
public sealed record TeamMailSettingChange(string? Delivery);

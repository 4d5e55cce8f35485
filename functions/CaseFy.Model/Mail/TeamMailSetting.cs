namespace CaseFy.Model.Mail;

/// <summary>
/// A team member's mail setting. The address is the one their token carried when they last read or changed the
/// setting: the mailer runs without their token, so it is kept here.
/// </summary>
/// <param name="PersonId">The person (their object id).</param>
/// <param name="Delivery">One of <see cref="TeamMailDeliveries"/>.</param>
/// <param name="Address">Where mail goes; <see langword="null"/> when their token carried no address.</param>
/// <param name="ChangedAt">When the delivery was last chosen.</param>
/// <param name="DigestedUntil">The end of the period the last daily digest covered (<see langword="null"/>: none yet).</param>
/// <param name="DigestDay">The UTC day (<c>yyyy-MM-dd</c>) of the last daily digest (<see langword="null"/>: none yet).</param>
public sealed record TeamMailSetting(
    string PersonId,
    string Delivery,
    string? Address,
    DateTimeOffset ChangedAt,
    DateTimeOffset? DigestedUntil = null,
    string? DigestDay = null);

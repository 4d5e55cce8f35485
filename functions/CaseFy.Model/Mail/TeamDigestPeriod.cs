namespace CaseFy.Model.Mail;

/// <summary>
/// A person's daily digest: the UTC day it is of, and the notifications it covers: of entries after
/// <paramref name="Since"/> up to <paramref name="Until"/>, and late ones no digest holds (<see cref="TeamMailRules.DigestReachBack"/>).
/// </summary>
public sealed record TeamDigestPeriod(DateOnly Day, DateTimeOffset Since, DateTimeOffset Until);

using CaseFy.Application.Mail;
using CaseFy.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Functions.Mail;

/// <summary>
/// On Flex Consumption an instance lives only while it has work, and the app's hosted mail dispatcher with it: this
/// timer wakes the app to queue the team's due daily digests and send the mail outbox's due deliveries (the same
/// <see cref="MailDispatcher"/> rounds), so mail, its retries and the digests never wait for the next HTTP request.
/// </summary>
public sealed class MailFunction(CaseFyFunctionsApp app)
{
    /// <summary>Every minute (NCRONTAB, seconds first).</summary>
    public const string Schedule = "0 * * * * *";

    public const string Name = "DeliverMail";

    [Function(Name)]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        app.Services.GetRequiredService<MailDispatcher>().DeliverDueAsync(cancellationToken);
}

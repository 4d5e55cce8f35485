using Azure.Identity;
using CaseFy.Application.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Mail;

/// <summary>Registers mail (both hosts): the outbox consumer that queues deliveries, the sender, and the dispatcher that sends them.</summary>
public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddCaseFyMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ILifecycleConsumer, MailOutboxFeeder>();
        services.AddSingleton<TeamMailPreferences>();
        services.AddSingleton<ImmediateTeamMail>();
        services.AddSingleton<TeamMailWriter>();
        services.AddSingleton<TeamDigestScheduler>();
        services.AddHttpClient(nameof(AcsEmailSender));
        services.AddSingleton<IMailSender>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            return !string.IsNullOrWhiteSpace(mail.AcsEndpoint)
                ? new AcsEmailSender(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AcsEmailSender)),
                    new DefaultAzureCredential(new DefaultAzureCredentialOptions
                    {
                        ManagedIdentityClientId = string.IsNullOrWhiteSpace(mail.ClientId) ? null : mail.ClientId,
                    }),
                    new Uri(mail.AcsEndpoint))
                : new PickupFolderMailSender(mail.PickupFolder ?? Path.Combine(Path.GetTempPath(), "casefy-mail"));
        });

        // One instance: the hosted loop and the Functions app's timer share it.
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        return services;
    }
}

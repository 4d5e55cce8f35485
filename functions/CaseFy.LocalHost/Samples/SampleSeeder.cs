using CaseFy.Application.Templates;

namespace CaseFy.LocalHost.Samples;

/// <summary>With <c>--seed-samples</c>: loads the repository's sample templates at start-up (idempotent).</summary>
public sealed partial class SampleSeeder(TemplateService templates, string folder, ILogger<SampleSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = await SampleTemplates.SeedAsync(templates, folder, cancellationToken);
        LogSeeded(logger, stored, folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample templates: {Stored} new from {Folder}")]
    private static partial void LogSeeded(ILogger logger, int stored, string folder);
}

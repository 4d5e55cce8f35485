using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Application.Templates;
using CaseFy.Model;
using CaseFy.Model.Cases;

namespace CaseFy.LocalHost.Samples;

/// <summary>
/// Loads the repository's sample templates (idempotent): on the first start on an empty data folder, together with
/// one sample case of each so a newcomer's first page is a working board, and on every start with
/// <c>--seed-samples</c>. Cases are opened once the host has started, when the engine can take them.
/// </summary>
public sealed partial class SampleSeeder(
    TemplateService templates, CaseService cases, ICaseEngine engine, IHostApplicationLifetime lifetime, SampleSeeding seeding,
    ILogger<SampleSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stored = await SampleTemplates.SeedAsync(templates, seeding.Folder, stoppingToken);
        LogSeeded(logger, stored, seeding.Folder);
        if (!seeding.WithCases)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        foreach (var (id, draft) in SampleTemplates.Read(seeding.Folder))
        {
            await cases.OpenAsync(new NewCase(id, $"Sample: {draft.Name}"), Actor.System, engine, stoppingToken);
        }

        LogCasesOpened(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample templates: {Stored} new from {Folder}")]
    private static partial void LogSeeded(ILogger logger, int stored, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "First start on an empty data folder: one sample case per sample template opened (--no-samples skips this)")]
    private static partial void LogCasesOpened(ILogger logger);
}

using CaseFy.Application.Engine;
using CaseFy.Orchestration;
using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.Options;

namespace CaseFy.LocalHost.Engine;

/// <summary>Registers the local engine and, over one gRPC channel to it, the worker running CaseFy's tasks and the client.</summary>
public static class LocalEngineServiceCollectionExtensions
{
    public static IServiceCollection AddLocalEngine(this IServiceCollection services) =>
        services
            .AddLocalEngine(registry => registry.AddCaseTasks())
            .AddSingleton<ICaseEngine>(sp => new DurableCaseEngine(sp.GetRequiredService<DurableTaskClient>()));

    /// <summary>The same engine running other tasks: the benchmark's raw baseline and the engine's own fault tests.</summary>
    public static IServiceCollection AddLocalEngine(this IServiceCollection services, Action<DurableTaskRegistry> addTasks)
    {
        services.AddOptions<LocalEngineOptions>()
            .BindConfiguration(LocalEngineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var endpoint = LocalEngineEndpoint.InTempFolder();
        var channel = endpoint.Channel();
        services.AddSingleton(endpoint);
        services.AddSingleton(channel);

        // Registered before the worker: hosted services start in order, and the worker needs the sidecar up.
        services.AddSingleton<LocalEngineSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalEngineSidecar>());
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(addTasks);
            builder.UseGrpc(channel);

            // The sidecar pings the work-item stream within this (WorkItemStreamPings), so the worker keeps it while idle.
            builder.Services.AddOptions<GrpcDurableTaskWorkerOptions>(builder.Name)
                .Configure<IOptions<LocalEngineOptions>>((worker, engine) => worker.SetSilentDisconnectTimeout(engine.Value.StreamSilenceTimeout));
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(channel);
            builder.RegisterDirectly();
        });
        return services;
    }
}

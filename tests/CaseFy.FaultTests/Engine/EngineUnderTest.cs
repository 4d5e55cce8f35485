using CaseFy.FaultTests.Infrastructure;
using CaseFy.LocalHost.Engine;
using CaseFy.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseFy.FaultTests.Engine;

/// <summary>The local engine in this process (sidecar, backend, worker and client) on a given task hub, as the engine tests run it.</summary>
public static class EngineUnderTest
{
    public static async Task<IHost> StartAsync(
        string connectionString, string taskHub, ActivityGate gate, Action<DurableTaskRegistry> addTasks, Action<LocalEngineOptions> configure, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(gate);
        builder.Services.Configure<StorageOptions>(o => o.ConnectionString = connectionString);
        builder.Services.AddLocalEngine(addTasks);
        builder.Services.Configure<LocalEngineOptions>(o =>
        {
            o.TaskHub = taskHub;
            configure(o);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <param name="probe">When given, a failure also shows the instance's engine history.</param>
    public static async Task<OrchestrationMetadata> WaitForAsync(
        DurableTaskClient client, string id, Func<OrchestrationMetadata, bool> condition, TimeSpan patience, EngineProbe? probe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            if (instance is not null && condition(instance))
            {
                return instance;
            }

            if (DateTime.UtcNow > deadline)
            {
                var engine = probe is null ? string.Empty : await probe.DescribeAsync(id, cancellationToken);
                Assert.Fail($"Instance {id} is stuck: {instance?.RuntimeStatus}, input {instance?.SerializedInput}, {instance?.SerializedCustomStatus}. {engine}");
            }


            await Task.Delay(100, cancellationToken);
        }
    }
}

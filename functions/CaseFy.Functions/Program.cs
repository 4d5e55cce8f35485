using CaseFy.Application.Telemetry;
using CaseFy.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Telemetry belongs to the worker: its listeners see the whole process (the app below included), and the app logs
// through the worker's logging. Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
builder.Services.AddCaseFyTelemetry().UseFunctionsWorkerDefaults().UseCaseFyAzureMonitor(builder.Configuration);

// Every CaseFy service lives in the app of the local host's pipeline, started and stopped with the worker.
builder.Services.AddSingleton(sp => new CaseFyFunctionsApp(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseFyFunctionsApp>());

await builder.Build().RunAsync();

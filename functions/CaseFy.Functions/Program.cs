using CaseFy.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Every CaseFy service lives in the app of the local host's pipeline, started and stopped with the worker.
builder.Services.AddSingleton(sp => new CaseFyFunctionsApp(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseFyFunctionsApp>());

await builder.Build().RunAsync();

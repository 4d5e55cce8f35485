using CaseFy.Application;
using CaseFy.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCaseFyApplication();

// The activity triggers get the activity classes by constructor injection (see Durable/ActivityFunctions.cs).
builder.Services.AddTransient<EnterStageActivity>();
builder.Services.AddTransient<ExitStageActivity>();
builder.Services.AddTransient<ReadProgressActivity>();

await builder.Build().RunAsync();

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
builder.Services.AddTransient<EvaluateStageActivity>();
builder.Services.AddTransient<RunAutomationActivity>();
builder.Services.AddTransient<ExitStageActivity>();

await builder.Build().RunAsync();

using CaseFy.Application;
using CaseFy.Application.Access;
using CaseFy.Functions.Middleware;
using CaseFy.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCaseFyApplication();
builder.Services.AddCaseFyAuthentication(builder.Configuration);

// HTTP triggers only (orchestration and activity triggers carry no request): headers and rate limits, then sign-in.
static bool IsHttp(Microsoft.Azure.Functions.Worker.FunctionContext context) =>
    context.FunctionDefinition.InputBindings.Values.Any(binding => binding.Type == "httpTrigger");
builder.UseWhen<HttpHardeningMiddleware>(IsHttp);
builder.UseWhen<HttpAuthenticationMiddleware>(IsHttp);

// The activity triggers get the activity classes by constructor injection (see Durable/ActivityFunctions.cs).
builder.Services.AddTransient<EnterStageActivity>();
builder.Services.AddTransient<EvaluateStageActivity>();
builder.Services.AddTransient<RunAutomationActivity>();
builder.Services.AddTransient<ExitStageActivity>();

await builder.Build().RunAsync();

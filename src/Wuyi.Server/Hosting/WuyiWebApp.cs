using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Server.Apis;

namespace Wuyi.Server.Hosting;

/// <summary>Builds the web host: the REST API, health endpoints and (later) the web console.</summary>
public static class WuyiWebApp
{
    /// <summary>Builds the application. <paramref name="overrides"/> (from flags) take precedence over
    /// appsettings and environment variables.</summary>
    /// <exception cref="WuyiStartupException">The settings are invalid.</exception>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddWuyi(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: ["ready"]);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLogging>();
        app.MapOpenApi();
        app.MapHealthApi();
        return app;
    }
}

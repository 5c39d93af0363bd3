using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;
using Wuyi.Server.Apis;

namespace Wuyi.Server.Hosting;

/// <summary>Builds the web host: the REST API, health endpoints and the web console.</summary>
public static class WuyiWebApp
{
    /// <summary>Builds the application. <paramref name="overrides"/> (from flags) take precedence over
    /// appsettings and environment variables; <paramref name="configure"/> adds services after the service's
    /// own (tests register service-task handlers this way).</summary>
    /// <exception cref="WuyiStartupException">The settings are invalid.</exception>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(overrides);
        var settings = builder.Services.AddWuyi(builder.Configuration);
        builder.Services.AddWuyiTelemetry(settings.Telemetry);
        builder.Services.AddHostedService<StarterWatch>();
        configure?.Invoke(builder.Services);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Customize);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping; // officials read Chinese names
        });
        builder.Services.AddOpenApi();
        builder.Services.AddAuthentication(CallerAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CallerAuthentication>(CallerAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(CallerPolicies.Add);
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: ["ready"]);

        var app = builder.Build();
        EnsureHandlerNamesUnique(app.Services);
        app.UseMiddleware<RequestLogging>(); // outermost: it logs the status the exception handler finally sent
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestGuard>();
        app.UseWebConsoleFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestAudit>();
        app.MapWuyiTelemetry(settings.Telemetry);
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthApi();
        app.MapAuthApi();
        app.MapInboxApi();
        app.MapAuditApi();
        app.MapDefinitionsApi();
        app.MapInstancesApi();
        app.MapTasksApi();
        app.MapFormsApi();
        app.MapMessagesApi();
        app.MapWaitingMessagesApi();
        app.MapIncidentsApi();
        app.MapClockApi();
        app.MapAreasApi();
        app.MapRegionsApi();
        app.MapSignalsApi();
        app.MapCertificationsApi();
        app.MapRegistryApi();
        app.MapWebConsole();
        return app;
    }

    // Two handlers under one topic would make which one runs an accident of registration order.
    private static void EnsureHandlerNamesUnique(IServiceProvider services)
    {
        var duplicate = services.GetServices<Wuyi.Runtime.Outbox.IServiceTaskHandler>().GroupBy(h => h.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new WuyiStartupException($"two service handlers are registered for '{duplicate.Key}': {string.Join(", ", duplicate.Select(h => h.GetType().Name))}");
    }
}

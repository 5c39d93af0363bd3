using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Wuyi.Runtime.Telemetry;

namespace Wuyi.Server.Hosting;

/// <summary>OpenTelemetry metrics and traces of ASP.NET Core, Npgsql and the runtime, when a setting asks for them.</summary>
internal static class Telemetry
{
    /// <summary>Registers the exporters <paramref name="settings"/> ask for; nothing when none is.</summary>
    public static void AddWuyiTelemetry(this IServiceCollection services, TelemetrySettings settings)
    {
        if (!settings.Enabled)
            return;
        var otlp = string.IsNullOrWhiteSpace(settings.OtlpEndpoint) ? null : new Uri(settings.OtlpEndpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("wuyi"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(RuntimeMetrics.Name, "Npgsql");
                if (settings.Prometheus)
                    metrics.AddPrometheusExporter();
                if (otlp is not null)
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddSource(RuntimeMetrics.Name);
                if (otlp is not null)
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
            });
    }

    /// <summary>Maps <c>/metrics</c> when Prometheus export is on.</summary>
    public static void MapWuyiTelemetry(this WebApplication app, TelemetrySettings settings)
    {
        if (settings.Prometheus)
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous(); // for a scraper on a private network (README)
    }
}

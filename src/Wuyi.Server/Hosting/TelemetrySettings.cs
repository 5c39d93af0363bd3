namespace Wuyi.Server.Hosting;

/// <summary>OpenTelemetry export, section <c>Wuyi:Telemetry</c>; everything is off by default.</summary>
public sealed class TelemetrySettings
{
    /// <summary>Whether <c>/metrics</c> serves the metrics in the Prometheus text format (ASP.NET Core, Npgsql, the
    /// runtime's <c>wuyi.*</c>). Off by default: the endpoint is unauthenticated, for a scraper on a private network.</summary>
    public bool Prometheus { get; set; }

    /// <summary>An OTLP endpoint (e.g. <c>http://collector:4317</c>) to send traces and metrics to; empty for none.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Whether anything is exported.</summary>
    public bool Enabled => Prometheus || !string.IsNullOrWhiteSpace(OtlpEndpoint);
}

using Jint.Runtime;

namespace Wuyi.Scripting;

/// <summary>A script's clock reads the step's time, never the machine's: a script's effects are part of the step.</summary>
internal sealed class StepClock(DateTimeOffset now) : ITimeSystem
{
    private readonly DefaultTimeSystem zone = new(TimeZoneInfo.Utc, System.Globalization.CultureInfo.InvariantCulture);

    public TimeZoneInfo DefaultTimeZone => TimeZoneInfo.Utc;

    public DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public TimeSpan GetUtcOffset(long epochMilliseconds) => zone.GetUtcOffset(epochMilliseconds);

    public bool TryParse(string date, out long epochMilliseconds) => zone.TryParse(date, out epochMilliseconds);
}

using System.Collections.Frozen;

namespace Wuyi.Expressions;

/// <summary>
/// What the host lends every evaluation besides its variables: the business calendar (<c>workdaysAdd</c>) and named
/// settings (<c>setting</c>), installed once by the runtime at start-up from its files and configuration. The language
/// stays pure: it reads no file, clock or environment itself. Until installed, the calendar is weekends only and
/// there are no settings (a <c>setting(name, fallback)</c> gives its fallback).
/// </summary>
public static class ExpressionEnvironment
{
    private static volatile Snapshot current = new(WorkingCalendar.WeekendsOnly, FrozenDictionary<string, object?>.Empty);

    /// <summary>The business calendar.</summary>
    public static WorkingCalendar Calendar => current.Calendar;

    /// <summary>The named settings, e.g. <c>dueDays.townshipReview</c> → 3.</summary>
    public static IReadOnlyDictionary<string, object?> Settings => current.Settings;

    /// <summary>Installs the calendar and the settings (both at once, so no evaluation sees half).</summary>
    public static void Install(WorkingCalendar calendar, IReadOnlyDictionary<string, object?> settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        current = new Snapshot(calendar, settings.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private sealed record Snapshot(WorkingCalendar Calendar, FrozenDictionary<string, object?> Settings);
}

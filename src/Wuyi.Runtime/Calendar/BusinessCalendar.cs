using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Wuyi.Expressions;

namespace Wuyi.Runtime.Calendar;

/// <summary>
/// The business calendar and the models' named settings, installed for the expression language
/// (<see cref="ExpressionEnvironment"/>): the calendar from the data files an administrator extends each year
/// (<c>workflows/calendar/*.json</c>: <c>holidays</c> and <c>workdays</c>, each a map date → why), the settings from
/// configuration section <c>Wuyi:Settings</c> (<c>Wuyi:Settings:dueDays:townshipReview</c> is the setting
/// <c>dueDays.townshipReview</c>, read by <c>setting('dueDays.townshipReview', 3)</c> in a model).
/// </summary>
public static class BusinessCalendar
{
    /// <summary>The configuration section of the settings.</summary>
    public const string SettingsSection = "Wuyi:Settings";

    /// <summary>Reads every <c>*.json</c> of <paramref name="folder"/> into one calendar.</summary>
    /// <exception cref="InvalidDataException">A file is not a calendar file; the message names it and what is wrong.</exception>
    public static WorkingCalendar Read(string folder) =>
        Read([.. Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f)))]);

    /// <summary>Reads calendar files, each a name (for messages) and its JSON text, into one calendar.</summary>
    /// <exception cref="InvalidDataException">A file is not a calendar file; the message names it and what is wrong.</exception>
    public static WorkingCalendar Read(IEnumerable<(string Name, string Json)> files)
    {
        var holidays = new HashSet<DateOnly>();
        var workdays = new HashSet<DateOnly>();
        foreach (var (name, json) in files)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                Dates(document.RootElement, "holidays", holidays);
                Dates(document.RootElement, "workdays", workdays);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new InvalidDataException($"{name} is not a business calendar file: {e.Message}", e);
            }
        }
        return new WorkingCalendar(holidays, workdays);
    }

    /// <summary>The settings under <see cref="SettingsSection"/>, numbers as numbers and true/false as booleans.</summary>
    public static Dictionary<string, object?> Settings(IConfiguration? configuration)
    {
        var settings = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (configuration is null)
            return settings;
        var section = configuration.GetSection(SettingsSection);
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
            if (value is not null)
                settings[key.Replace(':', '.')] = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
                    : bool.TryParse(value, out var b) ? b : value;
        return settings;
    }

    /// <summary>Installs <paramref name="calendar"/> (weekends only when null) and the settings.</summary>
    public static WorkingCalendar Install(WorkingCalendar? calendar, IConfiguration? configuration)
    {
        calendar ??= WorkingCalendar.WeekendsOnly;
        ExpressionEnvironment.Install(calendar, Settings(configuration));
        return calendar;
    }

    private static void Dates(JsonElement root, string name, HashSet<DateOnly> into)
    {
        if (!root.TryGetProperty(name, out var map))
            return;
        foreach (var day in map.EnumerateObject())
            into.Add(DateOnly.ParseExact(day.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}

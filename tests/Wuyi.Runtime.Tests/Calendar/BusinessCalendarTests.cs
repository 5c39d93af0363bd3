using Microsoft.Extensions.Configuration;
using Wuyi.Runtime.Calendar;
using Wuyi.Runtime.Tests.Forms;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(ShippedForms.Directory)!, "calendar");

    [Theory]
    [InlineData("2022-10-03", false)] // National Day
    [InlineData("2022-10-08", true)]  // Saturday worked in exchange (调休)
    [InlineData("2023-06-25", true)]  // Sunday worked for the Dragon Boat Festival
    [InlineData("2024-02-12", false)] // Spring Festival
    [InlineData("2025-02-08", true)]  // Saturday worked after the Spring Festival
    [InlineData("2025-10-08", false)] // the eighth day of National Day and Mid-Autumn
    [InlineData("2026-02-23", false)] // the ninth day of the 2026 Spring Festival
    [InlineData("2026-01-04", true)]  // Sunday worked after New Year
    [InlineData("2026-12-02", true)]  // an ordinary Wednesday
    [InlineData("2026-12-05", false)] // an ordinary Saturday
    public void Read_ShippedFiles_HolidaysOffAdjustedWeekendsWorked(string day, bool working) =>
        Assert.Equal(working, BusinessCalendar.Read(Folder).IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Read_ShippedFiles_AddsOverTheHolidays()
    {
        var calendar = BusinessCalendar.Read(Folder);
        // Thursday 29 September 2022 + 3 working days: Friday 30, (1–7 October off), Saturday 8 and Sunday 9 worked.
        var due = calendar.AddWorkingDays(DateTimeOffset.Parse("2022-09-29T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal(DateTimeOffset.Parse("2022-10-09T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void Read_FileNotACalendar_NamesTheFile()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "cn-2027.json"), """{"holidays": {"2027-13-01": "?"}}""");
        var error = Assert.Throws<InvalidDataException>(() => BusinessCalendar.Read(directory.Path));
        Assert.Contains("cn-2027.json", error.Message);
    }

    [Fact]
    public void Settings_NestedSection_DottedNamesNumbersAsNumbers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wuyi:Settings:dueDays:townshipReview"] = "4", ["Wuyi:Settings:mode"] = "strict", ["Wuyi:Settings:on"] = "true",
        }).Build();
        var settings = BusinessCalendar.Settings(configuration);
        Assert.Equal(4L, settings["dueDays.townshipReview"]);
        Assert.Equal("strict", settings["mode"]);
        Assert.Equal(true, settings["on"]);
    }
}

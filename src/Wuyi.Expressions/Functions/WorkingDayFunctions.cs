using Wuyi.Expressions.Evaluation;

namespace Wuyi.Expressions.Functions;

/// <summary>Working days by the business calendar, and the host's named settings (<see cref="ExpressionEnvironment"/>).</summary>
internal static class WorkingDayFunctions
{
    /// <summary><c>workdaysAdd(date, n)</c>: the same time of day n working days later (earlier when n is negative).</summary>
    public static ExpressionResult WorkdaysAdd(Evaluator scope, object?[] args)
    {
        if (Arguments.Date(args[0], out var date) is { } dateError)
            return ExpressionResult.Fail(dateError);
        var days = args[1] switch { long n => n, double d when d == Math.Floor(d) && Math.Abs(d) < 1e9 => (long)d, _ => long.MinValue };
        if (days == long.MinValue)
            return ExpressionResult.Fail($"expected a whole number of working days but found {ValueText.Describe(args[1])}");
        if (Math.Abs(days) > WorkingCalendar.MaxDays)
            return ExpressionResult.Fail($"at most {WorkingCalendar.MaxDays} working days at a time");
        // One step per calendar day walked (about 1.4 per working day).
        if (!scope.Charge(Math.Abs(days) * 3 / 2))
            return ExpressionResult.Fail(scope.BudgetMessage);
        return ExpressionResult.Ok(IsoDate.ToText(scope.Calendar.AddWorkingDays(date, (int)days)));
    }

    /// <summary><c>isWorkday(date)</c>: true when the date falls on a working day.</summary>
    public static ExpressionResult IsWorkday(Evaluator scope, object?[] args)
    {
        if (Arguments.Date(args[0], out var date) is { } error)
            return ExpressionResult.Fail(error);
        var local = date.ToOffset(scope.Calendar.Offset);
        return ExpressionResult.Ok(scope.Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)));
    }

    /// <summary><c>setting(name[, fallback])</c>: a named setting of the host; the fallback (or a failure) when it has none.</summary>
    public static ExpressionResult Setting(Evaluator scope, object?[] args)
    {
        if (args[0] is not string name)
            return ExpressionResult.Fail($"expected a setting's name but found {ValueText.Describe(args[0])}");
        if (ExpressionEnvironment.Settings.TryGetValue(name, out var value))
            return ExpressionResult.Ok(value);
        return args.Length > 1 ? ExpressionResult.Ok(args[1]) : ExpressionResult.Fail($"no setting named '{name}'");
    }
}

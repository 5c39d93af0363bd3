using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Wuyi.Expressions.Functions;

/// <summary>
/// Every function an expression may call, and nothing else: calls are resolved against this table at parse
/// time, so an unknown name is a syntax error and no call can reach outside the sandbox.
/// Dates are ISO 8601 strings (<see cref="IsoDate"/>); durations are ISO 8601 strings (<see cref="IsoDuration"/>).
/// </summary>
internal static class FunctionTable
{
    private const int Many = int.MaxValue;

    private static readonly FrozenDictionary<string, FunctionDefinition> Functions = new FunctionDefinition[]
    {
        // Dates and durations
        new("now", 0, 0, DateFunctions.Now),                       // now() → the stimulus time
        new("date", 1, 1, DateFunctions.Date),                     // date('2022-08-24') → '2022-08-24T00:00:00+00:00'
        new("dateAdd", 2, 2, DateFunctions.DateAdd),               // dateAdd(date, 'P7D')
        new("dateDiffDays", 2, 2, DateFunctions.DateDiffDays),     // whole days from a to b
        new("isAfter", 2, 2, DateFunctions.IsAfter),               // a later than b
        new("isBefore", 2, 2, DateFunctions.IsBefore),             // a earlier than b
        new("duration", 1, 1, DateFunctions.Duration),             // duration('P1W') → 'P7D'
        new("workdaysAdd", 2, 2, WorkingDayFunctions.WorkdaysAdd), // workdaysAdd(now(), 3): by the business calendar
        new("isWorkday", 1, 1, WorkingDayFunctions.IsWorkday),     // isWorkday('2022-10-08') → true (调休)

        // The host's named settings
        new("setting", 1, 2, WorkingDayFunctions.Setting),         // setting('dueDays.townshipReview', 3)

        // Strings
        new("concat", 0, Many, StringFunctions.Concat),            // concat(a, b, …): text forms joined
        new("string", 1, 1, StringFunctions.ToText),               // string(x): text form
        new("upper", 1, 1, StringFunctions.Upper),
        new("lower", 1, 1, StringFunctions.Lower),
        new("trim", 1, 1, StringFunctions.Trim),
        new("startsWith", 2, 2, StringFunctions.StartsWith),
        new("endsWith", 2, 2, StringFunctions.EndsWith),
        new("substring", 2, 3, StringFunctions.Substring),         // substring(s, start[, end]), Java semantics

        // Strings, lists and maps
        new("length", 1, 1, CollectionFunctions.Length),           // characters, elements or entries; null → 0
        new("contains", 2, 2, CollectionFunctions.Contains),       // substring, element (by ==) or key
        new("containsKey", 2, 2, CollectionFunctions.ContainsKey),

        // Numbers
        new("number", 1, 1, NumberFunctions.Number),               // JUEL coercion: '5' → 5, '' and null → 0
        new("int", 1, 1, NumberFunctions.Integer),                 // truncates toward zero
        new("abs", 1, 1, NumberFunctions.Abs),
        new("floor", 1, 1, NumberFunctions.Floor),                 // floor, ceil and round return whole numbers
        new("ceil", 1, 1, NumberFunctions.Ceiling),
        new("round", 1, 1, NumberFunctions.Round),                 // halves round away from zero
        new("min", 1, Many, NumberFunctions.Min),                  // min(a, b, …) or min(list)
        new("max", 1, Many, NumberFunctions.Max),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The function names, for error messages.</summary>
    public static string Names { get; } = string.Join(", ", Functions.Keys.Order(StringComparer.Ordinal));

    /// <summary>Finds a whitelisted function by name (case-sensitive, as in JUEL).</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out FunctionDefinition function) =>
        Functions.TryGetValue(name, out function);
}

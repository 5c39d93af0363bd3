using System.Text;

namespace Wuyi.Expressions.Tests;

/// <summary>Random and mutated inputs: parsing and evaluation must always return a value, never throw.</summary>
public class FuzzTests
{
    private static readonly string[] Pieces =
    [
        "${", "#{", "}", "\\${", "\\", "'", "\"", "(", ")", "[", "]", ".", ",", " ", "?", ":", "{",
        "a", "b", "s", "n", "t", "f", "x", "list", "map", "json", "names", "noItems", "missing", "dueDate", "int32",
        "0", "1", "-1", "2.5", "1e5", ".5", "9223372036854775807", "1e309", "'P7D'", "'2022-08-24'", "'x'", "''",
        "+", "-", "*", "/", "%", "div", "mod", "==", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "gt", "le", "ge",
        "!", "&&", "||", "and", "or", "not", "empty", "true", "false", "null", "instanceof", "=", "&", "|",
        "now(", "date(", "dateAdd(", "dateDiffDays(", "duration(", "concat(", "upper(", "lower(", "length(",
        "contains(", "startsWith(", "substring(", "min(", "max(", "abs(", "floor(", "round(", "string(", "number(",
        "int(", "isAfter(", ".size()", ".length()", ".contains(", ".get(", ".containsKey(", ".startsWith(",
        ".toUpperCase()", ".getClass()", "\u4e94", "\ud800", "\n", "\t", "\\u00", "\\'",
    ];

    // WUYI_FUZZ_SCALE=50 runs fifty times as many cases, for a long local soak.
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("WUYI_FUZZ_SCALE"), out var scale) ? scale : 1;

    private static readonly string[] Seeds =
    [
        "${a + b * 3 > 10 && !empty s}",
        "township-reviewer:${townshipCode}",
        "P${days}D",
        "${dateAdd(dueDate, concat('P', days, 'D'))}",
        "${map.inner.deep == 42 ? upper(s) : lower(s)}",
        "${list.contains(2) and names.size() == 2}",
        "${json.tags[1] eq 'b' or json.amount div 2 ge 6}",
        "${substring(s, 1, length(s) - 1)}",
        "${min(list) + max(3, x) - abs(-a) % 4}",
        "${isAfter(now(), date('2022-08-24')) ? 'late' : 'on time'}",
        "\\${literal} and ${'}'} and #{map['k']}",
        "${not empty missing.value || s.startsWith(\"he\")}",
    ];

    [Fact]
    public void ParseAndEvaluate_RandomPieces_NeverThrow()
    {
        var random = new Random(20261129 + Scale);
        for (var i = 0; i < 30_000 * Scale; i++)
        {
            var text = new StringBuilder(random.Next(2) == 0 ? "${" : "");
            var count = random.Next(1, 25);
            for (var j = 0; j < count; j++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            if (random.Next(3) > 0)
            {
                text.Append('}');
            }

            Check(text.ToString());
        }
    }

    [Fact]
    public void ParseAndEvaluate_MutatedValidExpressions_NeverThrow()
    {
        var random = new Random(42 + Scale);
        for (var i = 0; i < 30_000 * Scale; i++)
        {
            var text = Seeds[random.Next(Seeds.Length)];
            var mutations = random.Next(1, 5);
            for (var m = 0; m < mutations; m++)
            {
                text = Mutate(text, random);
            }

            Check(text);
        }
    }

    [Fact]
    public void ParseAndEvaluate_RandomCharacters_NeverThrow()
    {
        var random = new Random(7 + Scale);
        for (var i = 0; i < 20_000 * Scale; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(4) switch
                {
                    0 => (char)random.Next(0, 0x10000),
                    1 => "${}'\"\\#"[random.Next(7)],
                    _ => (char)random.Next(32, 127),
                };
            }

            Check((random.Next(2) == 0 ? "${" : "") + new string(chars));
        }
    }

    [Fact]
    public void Seeds_AllParseAndEvaluate()
    {
        foreach (var seed in Seeds)
        {
            var result = Eval.Run(seed);
            Assert.True(result.Success, $"{seed}: {result.Error}");
        }
    }

    private static string Mutate(string text, Random random)
    {
        var position = text.Length == 0 ? 0 : random.Next(text.Length);
        switch (random.Next(5))
        {
            case 0 when text.Length > 0:
                return text.Remove(position, 1);
            case 1:
                return text.Insert(position, Pieces[random.Next(Pieces.Length)]);
            case 2 when text.Length > 1:
                var length = random.Next(1, Math.Min(10, text.Length - position) + 1);
                return text.Insert(position, text.Substring(position, Math.Min(length, text.Length - position)));
            case 3 when text.Length > 1:
                var other = random.Next(text.Length);
                var chars = text.ToCharArray();
                (chars[position], chars[other]) = (chars[other], chars[position]);
                return new string(chars);
            default:
                return text + Pieces[random.Next(Pieces.Length)];
        }
    }

    private static void Check(string text)
    {
        var parsed = Expression.Parse(text);
        Assert.Equal(parsed.Error is null, parsed.Expression is not null);
        if (parsed.Error is not null)
        {
            Assert.InRange(parsed.Error.Position, 0, text.Length);
            Assert.False(string.IsNullOrEmpty(parsed.Error.Message));
            return;
        }

        var expression = parsed.Expression!;
        _ = expression.Variables;
        var context = EvaluationContext.For(Eval.Variables(), Eval.Now, 2_000);
        var result = expression.Evaluate(context);
        Assert.True(result.Success || !string.IsNullOrEmpty(result.Error), text);
        expression.EvaluateBoolean(context);
    }
}

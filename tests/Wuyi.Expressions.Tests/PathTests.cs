namespace Wuyi.Expressions.Tests;

public class PathTests
{
    [Theory]
    [InlineData("${map.k}", "v")]
    [InlineData("${map['k']}", "v")]
    [InlineData("${map[\"k\"]}", "v")]
    [InlineData("${map.inner.deep}", 42L)]
    [InlineData("${map['inner']['deep']}", 42L)]
    [InlineData("${map.items[1]}", "y")]
    [InlineData("${map.items['0']}", "x")]
    [InlineData("${list[0]}", 1L)]
    [InlineData("${list[a - 3]}", 3L)]
    [InlineData("${list[2.0]}", 3L)]
    [InlineData("${names[1]}", "bob")]
    [InlineData("${map.absent}", null)]
    [InlineData("${map.absent.deeper}", null)]
    [InlineData("${n.anything}", null)]
    [InlineData("${list[3]}", null)]
    [InlineData("${list[-1]}", null)]
    [InlineData("${json.amount}", 12L)]
    [InlineData("${json.rate}", 0.5)]
    [InlineData("${json.tags[1]}", "b")]
    [InlineData("${json.ok}", true)]
    [InlineData("${json.none}", null)]
    [InlineData("${json.nested.id}", "n1")]
    [InlineData("${json['nested']['id']}", "n1")]
    [InlineData("${ints[0]}", 3L)]
    [InlineData("${int32}", 7L)]
    [InlineData("${money}", 2.5)]
    [InlineData("${single}", 0.5)]
    [InlineData("${clrDate}", "2022-08-24T10:00:00+08:00")]
    [InlineData("${map[map.k] == null}", true)]
    public void Path_ThroughMapsAndLists_ReadsValues(string text, object? expected) => Assert.Equal(expected, Eval.Value(text));

    [Theory]
    [InlineData("${missing}", "Unknown property used in expression: cannot resolve identifier 'missing' (at position 2)")]
    [InlineData("ok ${missing.b}", "cannot resolve identifier 'missing' (at position 5)")]
    [InlineData("${a + missing}", "cannot resolve identifier 'missing'")]
    [InlineData("${concat(s, other)}", "cannot resolve identifier 'other'")]
    [InlineData("${execution}", "cannot resolve identifier 'execution'")]
    public void Path_UnknownVariable_FailsNamingIt(string text, string expected) => Assert.Contains(expected, Eval.Error(text));

    [Theory]
    [InlineData("${s.length}", "cannot read property 'length' of string 'hello' (at position 4)")]
    [InlineData("${a.b}", "cannot read property")]
    [InlineData("${t[0]}", "cannot read property")]
    [InlineData("${list['x']}", "list index: cannot coerce string 'x' to a number")]
    [InlineData("${list[1.5]}", "list index: expected a whole number")]
    [InlineData("${list[n]}", "list index: expected a whole number but found null")]
    [InlineData("${map[list]}", "")]
    public void Path_OnWrongKind_Fails(string text, string expected)
    {
        var result = Eval.Run(text);
        if (expected.Length == 0)
        {
            // A list used as a map key is looked up by its JSON text: no such key, so null.
            Assert.True(result.Success);
            Assert.Null(result.Value);
            return;
        }

        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void Evaluate_UnsupportedVariableType_FailsNamingType()
    {
        var context = new EvaluationContext((string name, out object? value) =>
        {
            value = new Uri("http://example.org");
            return true;
        }, Eval.Now);
        var result = Expression.Parse("${u}").Expression!.Evaluate(context);
        Assert.Equal("variable 'u': a value of type Uri cannot be used in expressions (at position 2)", result.Error);
    }

    [Fact]
    public void Evaluate_DictionaryOfStrings_IsReadAsMap()
    {
        var variables = new Dictionary<string, object?> { ["m"] = new Dictionary<string, string> { ["a"] = "b" } };
        var result = Expression.Parse("${m.a}").Expression!.Evaluate(EvaluationContext.For(variables, Eval.Now));
        Assert.Equal("b", result.Value);
    }

    public static TheoryData<string, object?> HostValues => new()
    {
        { "${u64}", 42L },
        { "${hugeU64}", 18446744073709551615.0 },
        { "${u8 + i16 + u16 + u32 + i8}", 15L },
        { "${letter}", "z" },
        { "${utc}", "2022-08-24T10:00:00+00:00" },
        { "${day}", "2022-08-24T00:00:00+00:00" },
        { "${wait}", "P7D" },
        { "${array[1]}", "b" },
        { "${set.size()}", 2L },
        { "${node.amount}", 12L },
        { "${node.rate}", 0.5 },
        { "${node.tags[0]}", "a" },
        { "${node.nested.id}", "n1" },
        { "${node.none}", null },
        { "${built.n}", 3L },
        { "${built.s}", "x" },
        { "${jsonNumber}", 7L },
        { "${concat(node.tags)}", "[\"a\",\"b\"]" },
        { "${concat(json)}", "{\"amount\":12,\"rate\":0.5,\"tags\":[\"a\",\"b\"],\"ok\":true,\"none\":null,\"nested\":{\"id\":\"n1\"}}" },
        { "${json == json}", true },
    };

    [Theory]
    [MemberData(nameof(HostValues))]
    public void Evaluate_HostTypes_AreNormalisedToJsonShape(string text, object? expected)
    {
        var variables = new Dictionary<string, object?>
        {
            ["u64"] = 42UL,
            ["hugeU64"] = ulong.MaxValue,
            ["u8"] = (byte)1,
            ["i16"] = (short)2,
            ["u16"] = (ushort)3,
            ["u32"] = 4U,
            ["i8"] = (sbyte)5,
            ["letter"] = 'z',
            ["utc"] = new DateTime(2022, 8, 24, 10, 0, 0, DateTimeKind.Utc),
            ["day"] = new DateOnly(2022, 8, 24),
            ["wait"] = new IsoDuration(0, 0, 7, TimeSpan.Zero),
            ["array"] = new object?[] { "a", "b" },
            ["set"] = new HashSet<string> { "a", "b" },
            ["node"] = System.Text.Json.Nodes.JsonNode.Parse("""{"amount": 12, "rate": 0.5, "tags": ["a", "b"], "none": null, "nested": {"id": "n1"}}"""),
            ["built"] = new System.Text.Json.Nodes.JsonObject { ["n"] = 3, ["s"] = "x" },
            ["jsonNumber"] = System.Text.Json.Nodes.JsonValue.Create(7),
            ["json"] = Eval.Variables()["json"],
        };
        var result = Expression.Parse(text).Expression!.Evaluate(EvaluationContext.For(variables, Eval.Now));
        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.Value);
    }
}

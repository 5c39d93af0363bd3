using Wuyi.Certification.Regions;

namespace Wuyi.Certification.Tests.Regions;

public sealed class RegionFileTests
{
    private static IReadOnlyList<RegionRow> Read(string text) => RegionFile.Read(new StringReader(text), "test.csv");

    [Fact]
    public void Read_WellFormed_RowsWithLevelsFromCodeLength()
    {
        var rows = Read("code,name,parentCode\n46,海南省,\n4601,海口市,46\n460105,秀英区,4601\n460105001,秀英街道,460105\n460105001001,\"秀华社区居委会\",460105001\n");

        Assert.Equal([RegionLevel.Province, RegionLevel.City, RegionLevel.County, RegionLevel.Township, RegionLevel.Village], rows.Select(r => r.Level));
        Assert.Equal(new RegionRow("460105001001", "秀华社区居委会", RegionLevel.Village, "460105001"), rows[^1]);
        Assert.Null(rows[0].ParentCode);
    }

    [Theory]
    [InlineData("", "test.csv: the file is empty")]
    [InlineData("id,title\n", "test.csv:1: expected the header")]
    [InlineData("code,name,parentCode\n46,海南省,\n4601,海口市\n", "test.csv:3: expected 3 columns")]
    [InlineData("code,name,parentCode\n46x,海南省,\n", "test.csv:2: the code '46x' is not a number")]
    [InlineData("code,name,parentCode\n461,海南省,\n", "test.csv:2: the code 461 has 3 digits")]
    [InlineData("code,name,parentCode\n46,,\n", "test.csv:2: the division 46 has no name")]
    [InlineData("code,name,parentCode\n46,海南省,4\n", "test.csv:2: the province 46 cannot have a parent")]
    [InlineData("code,name,parentCode\n46,海南省,\n460105,秀英区,46\n", "test.csv:3: the parent '46' of 460105 is not a City code")]
    [InlineData("code,name,parentCode\n46,海南省,\n46,海南,\n", "test.csv:3: the code 46 appears twice")]
    [InlineData("code,name,parentCode\n46,\"海南省,\n", "test.csv:2: an unterminated quote")]
    public void Read_Malformed_ErrorNamesFileAndLine(string text, string expected)
    {
        var error = Assert.Throws<RegionFileException>(() => Read(text));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Read_MissingFile_ErrorNamesFile()
    {
        var error = Assert.Throws<RegionFileException>(() => RegionFile.Read("/nonexistent/regions.csv"));

        Assert.StartsWith("/nonexistent/regions.csv: cannot read the regions file", error.Message);
    }

    [Fact]
    public void Read_InvalidUtf8_ErrorNamesFile()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [.. "code,name,parentCode\n46,"u8.ToArray(), 0xC3, 0x28, (byte)'\n']);
        try
        {
            var error = Assert.Throws<RegionFileException>(() => RegionFile.Read(path));
            Assert.StartsWith($"{path}: cannot read the regions file", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

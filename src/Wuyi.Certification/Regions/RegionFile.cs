using System.Text;

namespace Wuyi.Certification.Regions;

/// <summary>
/// Reads a regions file: UTF-8 CSV with the header <c>code,name,parentCode</c>, one division a line,
/// parents before or after their children. Everything is checked before anything is written, so a bad
/// file changes nothing.
/// </summary>
public static class RegionFile
{
    /// <summary>The header every regions file starts with.</summary>
    public const string Header = "code,name,parentCode";

    /// <summary>Reads and validates the rows; the first problem found is thrown with file and line.</summary>
    /// <exception cref="RegionFileException">The file is unreadable or a row is malformed.</exception>
    public static IReadOnlyList<RegionRow> Read(TextReader reader, string fileName)
    {
        var rows = new List<RegionRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var header = reader.ReadLine();
        if (header is null)
            throw new RegionFileException($"{fileName}: the file is empty; expected the header '{Header}'.");
        if (header.TrimStart('\uFEFF').Trim() != Header)
            throw new RegionFileException($"{fileName}:1: expected the header '{Header}', found '{Truncate(header)}'.");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var row = ParseRow(line, fileName, lineNumber);
            if (!seen.Add(row.Code))
                throw new RegionFileException($"{fileName}:{lineNumber}: the code {row.Code} appears twice.");
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Opens and reads a file from disk.</summary>
    /// <exception cref="RegionFileException">The file cannot be opened or read, or a row is malformed.</exception>
    public static IReadOnlyList<RegionRow> Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
            return Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new RegionFileException($"{path}: cannot read the regions file: {e.Message}", e);
        }
    }

    private static RegionRow ParseRow(string line, string fileName, int lineNumber)
    {
        var fields = SplitCsv(line);
        if (fields is null)
            throw new RegionFileException($"{fileName}:{lineNumber}: an unterminated quote.");
        if (fields.Count != 3)
            throw new RegionFileException($"{fileName}:{lineNumber}: expected 3 columns (code,name,parentCode), found {fields.Count}.");
        var (code, name, parent) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
        if (code.Length == 0 || !code.All(char.IsAsciiDigit))
            throw new RegionFileException($"{fileName}:{lineNumber}: the code '{Truncate(code)}' is not a number.");
        if (Region.LevelOf(code) is not { } level)
            throw new RegionFileException($"{fileName}:{lineNumber}: the code {code} has {code.Length} digits; a division code has 2, 4, 6, 9 or 12.");
        if (name.Length == 0)
            throw new RegionFileException($"{fileName}:{lineNumber}: the division {code} has no name.");
        if (level == RegionLevel.Province)
        {
            if (parent.Length != 0)
                throw new RegionFileException($"{fileName}:{lineNumber}: the province {code} cannot have a parent.");
            return new RegionRow(code, name, level, null);
        }
        if (Region.LevelOf(parent) != level - 1 || !parent.All(char.IsAsciiDigit))
            throw new RegionFileException($"{fileName}:{lineNumber}: the parent '{Truncate(parent)}' of {code} is not a {level - 1} code.");
        return new RegionRow(code, name, level, parent);
    }

    // RFC 4180 fields: quoted fields may hold commas and doubled quotes.
    private static List<string>? SplitCsv(string line)
    {
        var fields = new List<string>(3);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted)
            return null;
        fields.Add(field.ToString());
        return fields;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

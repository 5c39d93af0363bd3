namespace Wuyi.Runtime.Tests.Forms;

/// <summary>The forms the service ships (<c>workflows/forms/*.form</c>), read from the repository itself.</summary>
internal static class ShippedForms
{
    public static string Directory { get; } = Find();

    public static string Read(string formId) => File.ReadAllText(Path.Combine(Directory, formId + ".form"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows", "forms");
            if (System.IO.Directory.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("workflows/forms not found above " + AppContext.BaseDirectory);
    }
}

using System.Runtime.CompilerServices;

namespace Wuyi.Engine.Tests.Support;

/// <summary>Finds files kept next to the tests in the source tree (saved models, scenarios, expected traces).</summary>
internal static class TestFiles
{
    public static string ProjectDirectory() => Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;

    private static string ThisFile([CallerFilePath] string path = "") => path;

    public static string Scenarios => Path.Combine(ProjectDirectory(), "Scenarios");

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Scenarios, relative));
}

namespace Wuyi.Engine.Tests;

public class ArchitectureTests
{
    [Fact]
    public void EngineAssembly_References_OnlyBaseClassLibraryAndExpressions()
    {
        var references = typeof(Wuyi.Engine.Execution.ProcessEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var foreign = references.Where(name => name != "Wuyi.Expressions" && name != "netstandard" && name != "mscorlib"
            && !name.StartsWith("System", StringComparison.Ordinal) && !name.StartsWith("Microsoft.Win32", StringComparison.Ordinal)).ToList();

        Assert.Empty(foreign);
        Assert.Contains("Wuyi.Expressions", references);
    }

    [Fact]
    public void EngineProject_HasNoPackageReferencesButTheAnalyzer()
    {
        var project = File.ReadAllText(Path.Combine(Support.TestFiles.ProjectDirectory(), "..", "..", "src", "Wuyi.Engine", "Wuyi.Engine.csproj"));

        var packages = System.Text.RegularExpressions.Regex.Matches(project, "PackageReference Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(["Microsoft.CodeAnalysis.BannedApiAnalyzers"], packages);
    }
}

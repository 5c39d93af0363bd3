using System.Xml.Linq;

namespace Wuyi.Certification.Tests.Workflows;

/// <summary>
/// The shipped models (<c>workflows/</c>) and their scenarios, read from the repository itself: the test project
/// does not copy them into its output, so the tests always run the files a reviewer sees.
/// </summary>
internal static class WorkflowFiles
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>The three processes the service ships; each lives in <c>workflows/{id}.bpmn</c>.</summary>
    public static readonly string[] ProcessIds = ["certification", "spot-check", "rectification"];

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string ModelsDirectory => Path.Combine(RepositoryRoot, "workflows");

    public static string ScenariosDirectory =>
        Path.Combine(RepositoryRoot, "tests", "Wuyi.Certification.Tests", "Workflows", "Scenarios");

    public static string ModelPath(string processId) => Path.Combine(ModelsDirectory, processId + ".bpmn");

    public static string ReadModel(string processId) => File.ReadAllText(ModelPath(processId));

    /// <summary>The called-element resolver <c>wuyi simulate --models workflows/</c> would use.</summary>
    public static string? ResolveCalledElement(string processId)
    {
        var path = ModelPath(processId);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Scenario file names (without folder), sorted so test cases are listed in a stable order.</summary>
    public static IEnumerable<string> ScenarioNames() =>
        Directory.GetFiles(ScenariosDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>A scenario runs the model its file name starts with: <c>spot-check-open.json</c> runs spot-check.</summary>
    public static string ProcessOfScenario(string scenarioName) =>
        ProcessIds.OrderByDescending(id => id.Length).First(id => scenarioName.StartsWith(id + "-", StringComparison.Ordinal));

    // Walk up from the test binaries to the folder that holds the solution.
    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WuyiWorkflow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"WuyiWorkflow.sln not found above {AppContext.BaseDirectory}");
    }
}

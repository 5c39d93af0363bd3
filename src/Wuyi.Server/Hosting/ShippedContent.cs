using System.Reflection;

namespace Wuyi.Server.Hosting;

/// <summary>
/// The content the service ships under <c>workflows/</c> (models <c>*.bpmn</c>, forms <c>forms/*.form</c>, mail
/// templates <c>mail/*.liquid</c>, calendars <c>calendar/*.json</c>): embedded in the executable, so it is found
/// wherever the service runs (a published build, a service unit, the container); a configured folder
/// (<c>Wuyi:WorkflowsDirectory</c>) replaces it whole, for an operator who edits the models.
/// </summary>
public sealed class ShippedContent
{
    private const string Prefix = "workflows/";

    private readonly IReadOnlyDictionary<string, Func<Stream>> files;

    private ShippedContent(string source, IReadOnlyDictionary<string, Func<Stream>> files)
    {
        Source = source;
        this.files = files;
    }

    /// <summary>Where the content comes from, for the log: the folder, or "the executable".</summary>
    public string Source { get; }

    /// <summary>The relative paths of every file (<c>certification.bpmn</c>, <c>forms/review.form</c>), in order.</summary>
    public IEnumerable<string> Paths => files.Keys.Order(StringComparer.Ordinal);

    /// <summary>The configured folder's content, or the executable's when none is configured.</summary>
    /// <exception cref="WuyiStartupException">The configured folder does not exist.</exception>
    public static ShippedContent Open(string? configuredFolder)
    {
        if (string.IsNullOrEmpty(configuredFolder))
            return Embedded();
        if (!Directory.Exists(configuredFolder))
            throw new WuyiStartupException($"the workflows folder {configuredFolder} (Wuyi:WorkflowsDirectory) does not exist");
        var folder = Path.GetFullPath(configuredFolder);
        var found = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => (Func<Stream>)(() => File.OpenRead(f)),
                StringComparer.Ordinal);
        return new ShippedContent(folder, found);
    }

    /// <summary>The content built into the executable.</summary>
    public static ShippedContent Embedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var found = assembly.GetManifestResourceNames()
            .Select(n => (Name: n, Path: n.Replace('\\', '/')))
            .Where(n => n.Path.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n.Path[Prefix.Length..],
                n => (Func<Stream>)(() => assembly.GetManifestResourceStream(n.Name)!), StringComparer.Ordinal);
        return new ShippedContent("the executable", found);
    }

    /// <summary>The files in <paramref name="folder"/> ("" for the top) whose names end with <paramref name="extension"/>.</summary>
    public IEnumerable<string> Find(string folder, string extension) =>
        Paths.Where(p => p.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
                         && string.Equals(Path.GetDirectoryName(p)?.Replace('\\', '/') ?? "", folder.TrimEnd('/'), StringComparison.Ordinal));

    /// <summary>Whether <paramref name="path"/> is shipped.</summary>
    public bool Contains(string path) => files.ContainsKey(path);

    /// <summary>The text of <paramref name="path"/> (UTF-8).</summary>
    /// <exception cref="FileNotFoundException">Nothing is shipped at <paramref name="path"/>.</exception>
    public async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!files.TryGetValue(path, out var open))
            throw new FileNotFoundException($"{path} is not shipped in {Source}", path);
        await using var stream = open();
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}

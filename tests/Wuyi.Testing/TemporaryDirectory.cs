namespace Wuyi.Testing;

/// <summary>A directory under the system's temporary folder, deleted on dispose (and by its reaper when the test host
/// is killed first: see <see cref="RunFolders"/>).</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>The directory's full path.</summary>
    public string Path { get; } = RunFolders.Create("wuyi-test");

    /// <summary>A path inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc />
    public void Dispose() => RunFolders.TryDelete(Path);
}

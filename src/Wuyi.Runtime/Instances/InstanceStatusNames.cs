using Wuyi.Engine.State;

namespace Wuyi.Runtime.Instances;

/// <summary>The status words the API and <c>simulate</c> use: running, waiting, completed, terminated, failed.</summary>
public static class InstanceStatusNames
{
    /// <summary>The word for <paramref name="status"/>.</summary>
    public static string Of(InstanceStatus status) => status.ToString().ToLowerInvariant();
}

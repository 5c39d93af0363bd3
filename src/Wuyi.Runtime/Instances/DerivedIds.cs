using System.Security.Cryptography;
using System.Text;

namespace Wuyi.Runtime.Instances;

/// <summary>Instance ids derived from what caused a start (a message, a signal, a timer firing), so a repeat finds the instance it made.</summary>
public static class DerivedIds
{
    /// <summary><paramref name="prefix"/>, a dash and 24 hex digits of a hash of <paramref name="sourceId"/> and <paramref name="key"/>.</summary>
    public static string Of(string prefix, string sourceId, string key) =>
        $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceId}\n{key}")))[..24]}";
}

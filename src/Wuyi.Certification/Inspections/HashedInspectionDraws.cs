using System.Security.Cryptography;
using System.Text;

namespace Wuyi.Certification.Inspections;

/// <summary>
/// Draws from a hash of what is drawn for (the certification, the check's wait): uniform over areas and checks, yet the
/// same answer on every node and on a retried service call, so a check never changes mode between two attempts.
/// </summary>
public sealed class HashedInspectionDraws : IInspectionDraws
{
    /// <inheritdoc />
    public int FirstCheckDay(string certificationId, int withinDays) =>
        1 + (int)Math.Min(withinDays - 1, Math.Floor(Fraction("first:" + certificationId) * withinDays));

    /// <inheritdoc />
    public bool IsCovert(string checkKey, double covertShare) => Fraction("mode:" + checkKey) < covertShare;

    // A number in [0, 1) from the first 53 bits of the key's SHA-256.
    private static double Fraction(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return (BitConverter.ToUInt64(hash, 0) >> 11) / (double)(1UL << 53);
    }
}

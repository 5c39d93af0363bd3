using Wuyi.Certification.Inspections;

namespace Wuyi.Server.Tests.Certification;

/// <summary>Draws that tests choose: the first check on a fixed day, and the modes of the scheduled checks in order.</summary>
internal sealed class ScriptedInspectionDraws(int firstCheckDay, params bool[] covert) : IInspectionDraws
{
    private readonly Queue<bool> modes = new(covert);

    public List<double> SharesSeen { get; } = [];

    public int FirstCheckDay(string certificationId, int withinDays) => Math.Min(firstCheckDay, withinDays);

    public bool IsCovert(string checkKey, double covertShare)
    {
        lock (modes)
        {
            SharesSeen.Add(covertShare);
            return modes.Count > 0 && modes.Dequeue();
        }
    }
}

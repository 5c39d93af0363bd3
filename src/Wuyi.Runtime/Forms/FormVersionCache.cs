using System.Collections.Concurrent;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Forms;

/// <summary>
/// The deployed versions of each form, as last read, so that a completion need not read the <c>forms</c> table every
/// time (one per database: a singleton of the runtime's services). A version never changes once deployed; what a
/// list read at some moment can miss is only a version deployed after it, stamped later than that moment. So a list
/// answers for a task created well before it was read (<see cref="Settled"/>, a margin for other nodes' clocks and
/// deployments still committing); a younger task reads the table again. Deploying through this node forgets the form
/// at once.
/// </summary>
public sealed class FormVersionCache
{
    /// <summary>How much older than the list a task must be for the list to answer for it.</summary>
    public static readonly TimeSpan Settled = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, FormRecord[] Versions)> forms = new(StringComparer.Ordinal);

    /// <summary>The versions of <paramref name="formId"/> (oldest first) when the list answers for a task created at <paramref name="at"/>; else null.</summary>
    public FormRecord[]? For(string formId, DateTimeOffset at) =>
        forms.TryGetValue(formId, out var entry) && at <= entry.ReadAt - Settled ? entry.Versions : null; // "the newest" (MaxValue) never is

    /// <summary>Keeps the versions read at <paramref name="readAt"/> (taken before the read); a form with none is not kept.</summary>
    public void Remember(string formId, DateTimeOffset readAt, FormRecord[] versions)
    {
        if (versions.Length > 0)
            forms[formId] = (readAt, versions);
    }

    /// <summary>Forgets <paramref name="formId"/> (a version of it was deployed).</summary>
    public void Forget(string formId) => forms.TryRemove(formId, out _);
}

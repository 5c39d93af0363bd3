using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Wuyi.Engine.Model;
using Wuyi.Engine.Scripting;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Definitions;

/// <summary>
/// Parsed definition versions by id. A version never changes once deployed, so its parsed model is cached
/// for the life of the process; instances are never cached (a waiting instance costs no memory).
/// </summary>
public sealed class DefinitionCatalog(IScriptEngine? scripts = null)
{
    private readonly ConcurrentDictionary<long, BpmnDefinitions> parsed = new();

    /// <summary>
    /// How stored versions are parsed: with the script engine (when one is registered) and without the deployment
    /// limits — a version accepted once stays readable when the limits are tightened later.
    /// </summary>
    public ModelOptions Options { get; } = new()
    {
        Scripts = scripts,
        Limits = new ModelLimits { MaxXmlDepth = int.MaxValue, MinCycleInterval = TimeSpan.Zero },
    };

    /// <summary>The parsed model of version <paramref name="definitionId"/>.</summary>
    /// <exception cref="InvalidOperationException">The stored XML no longer parses (it did when deployed).</exception>
    public async Task<BpmnDefinitions> GetAsync(RuntimeDbContext db, long definitionId, CancellationToken cancellationToken)
    {
        if (parsed.TryGetValue(definitionId, out var cached))
            return cached;
        var xml = await db.Definitions.Where(d => d.Id == definitionId).Select(d => d.Xml).SingleAsync(cancellationToken);
        return parsed.GetOrAdd(definitionId, _ => Parse(xml, definitionId));
    }

    /// <summary>The id of the newest version of <paramref name="key"/>, or null when none is deployed (its XML is not read).</summary>
    public Task<long?> LatestIdAsync(RuntimeDbContext db, string key, CancellationToken cancellationToken) =>
        db.Definitions.Where(d => d.Key == key).OrderByDescending(d => d.Version).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);

    internal void Remember(long definitionId, BpmnDefinitions definitions) => parsed.TryAdd(definitionId, definitions);

    private BpmnDefinitions Parse(string xml, long definitionId)
    {
        var outcome = BpmnDefinitions.Parse(xml, Options);
        return outcome.Definitions ?? throw new InvalidOperationException(
            $"definition {definitionId} no longer parses: {string.Join("; ", outcome.Problems.Select(p => p.Message))}");
    }
}

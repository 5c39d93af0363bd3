using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Engine.Model;
using Wuyi.Engine.Timers;
using Wuyi.Runtime.Limits;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Definitions;

/// <summary>
/// Deploys BPMN documents: validates with the engine, then creates a version per executable process whose
/// XML changed. The same XML twice is one version; running instances stay on the version they started on.
/// </summary>
public sealed class Deployment(RuntimeDbContext db, DefinitionCatalog catalog, TimeProvider clock, IOptions<InputLimits> limits)
{
    /// <summary>Validates and deploys <paramref name="xml"/>.</summary>
    /// <returns>The versions, one per executable process, or the model's problems (and nothing deployed).</returns>
    public async Task<DeploymentOutcome> DeployAsync(string xml, string deployedBy, CancellationToken cancellationToken)
    {
        // A new model keeps to the configured limits; versions already stored are read back without them (DefinitionCatalog).
        var parse = BpmnDefinitions.Parse(xml, catalog.Options with
        {
            Limits = new ModelLimits { MaxXmlDepth = limits.Value.MaxModelXmlDepth, MinCycleInterval = limits.Value.MinTimerCycleInterval },
        });
        if (parse.Definitions is not { } definitions)
            return new DeploymentOutcome([], parse.Problems);
        var executable = definitions.ExecutableProcesses;
        if (executable.IsEmpty)
            return new DeploymentOutcome([], [new ModelProblem(null, null, "the document has no executable process (isExecutable=\"true\")")]);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        var versions = new List<DeployedVersion>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var process in executable)
        {
            var existing = await db.Definitions.AsNoTracking().Where(d => d.Key == process.Id && d.Hash == hash)
                .Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                versions.Add(new DeployedVersion(process.Id, existing.Version, existing.Id, Created: false));
                continue;
            }
            var latest = await db.Definitions.Where(d => d.Key == process.Id).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
            var record = new DefinitionRecord
            {
                Key = process.Id, Version = latest + 1, Name = process.Name, Xml = xml, Hash = hash,
                DeployedBy = deployedBy, DeployedAt = clock.GetUtcNow(),
            };
            db.Definitions.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            catalog.Remember(record.Id, definitions);
            await ScheduleTimerStartsAsync(record, definitions, cancellationToken);
            versions.Add(new DeployedVersion(process.Id, record.Version, record.Id, Created: true));
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new DeploymentOutcome(versions, []);
    }

    // Only the newest version starts instances on a timer: its rows replace the previous version's.
    private async Task ScheduleTimerStartsAsync(DefinitionRecord version, BpmnDefinitions definitions, CancellationToken cancellationToken)
    {
        await db.TimerStarts.Where(t => t.ProcessKey == version.Key).ExecuteDeleteAsync(cancellationToken);
        foreach (var due in TimerStarts.First(definitions, version.Key, clock.GetUtcNow()))
            db.TimerStarts.Add(new TimerStartRecord
            {
                Id = $"{version.Id}:{due.StartEventId}", DefinitionId = version.Id, ProcessKey = version.Key,
                StartEventId = due.StartEventId, DueAt = due.DueAt, Cycle = due.Cycle, Remaining = due.Remaining,
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Forms;

/// <summary>
/// Deploys Camunda Forms beside the models, versioned like them: by the schema's id, a new version only when the
/// text changed (the same text twice is one version). A task is checked against the version that was newest when it
/// was created, so a changed form never changes what a task already open asks for.
/// </summary>
public sealed class FormDeployment(RuntimeDbContext db, TimeProvider clock, FormVersionCache versions)
{
    /// <summary>Deploys <paramref name="json"/>; the error says why it is not a form (nothing deployed then).</summary>
    public async Task<(FormRecord? Form, bool Created, string? Error)> DeployAsync(string json, string deployedBy,
        CancellationToken cancellationToken)
    {
        var (schema, error) = FormSchema.Parse(json);
        if (schema is null)
            return (null, false, error);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var existing = await db.Forms.AsNoTracking().FirstOrDefaultAsync(f => f.FormId == schema.Id && f.Hash == hash, cancellationToken);
        if (existing is not null)
            return (existing, false, null);
        var latest = await db.Forms.Where(f => f.FormId == schema.Id).MaxAsync(f => (int?)f.Version, cancellationToken) ?? 0;
        var record = new FormRecord
        {
            FormId = schema.Id, Version = latest + 1, Schema = json, Hash = hash, DeployedBy = deployedBy, DeployedAt = clock.GetUtcNow(),
        };
        db.Forms.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        versions.Forget(schema.Id);
        return (record, true, null);
    }
}

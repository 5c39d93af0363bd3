using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wuyi.People.Access;
using Wuyi.People.Persistence;

namespace Wuyi.People.ApiKeys;

/// <summary>Issues API keys (<c>wuyi_{id}_{secret}</c>, shown once) and finds the caller a presented key stands for.</summary>
public sealed class ApiKeyIssuer(PeopleDbContext db, TimeProvider clock)
{
    /// <summary>The scopes a key may be issued for: the roles a machine may act in (never a task's).</summary>
    public static readonly IReadOnlyList<string> Scopes = [Roles.HealthOperator, "messages", "read"];

    /// <summary>Issues a key to <paramref name="name"/> for <paramref name="scope"/>; returns the key, the only time it exists in clear.</summary>
    public async Task<string> IssueAsync(string name, Grant scope, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        db.ApiKeys.Add(new ApiKeyRecord
        {
            Id = id, Name = name, Scope = scope.Role, RegionCode = scope.Region, SecretHash = Hash(secret), CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return $"wuyi_{id}_{secret}";
    }

    /// <summary>The caller the key stands for, or null when it is unknown, wrong or revoked.</summary>
    public async Task<Caller?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var parts = key.Split('_');
        if (parts.Length != 3 || parts[0] != "wuyi" || parts[1].Length != 12)
            return null;
        var id = parts[1];
        var record = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, cancellationToken);
        if (record is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(parts[2])), Encoding.ASCII.GetBytes(record.SecretHash)))
            return null;
        return new Caller(record.Name, record.Name, [new Grant(record.Scope, record.RegionCode)]);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

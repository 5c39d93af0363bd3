using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Wuyi.People.ApiKeys;
using Wuyi.People.Audit;
using Wuyi.People.Tokens;
using Wuyi.People.Users;

namespace Wuyi.People.Persistence;

/// <summary>The people tables: ASP.NET Core Identity's users, their (role, region) pairs, API keys, the signing key and
/// the audit trail. Provider subclasses own each provider's migrations.</summary>
public abstract class PeopleDbContext(DbContextOptions options) : IdentityUserContext<WuyiUser>(options)
{
    /// <summary>The module name: its migration history table is <c>__wuyi_people_migrations</c>.</summary>
    public const string Module = "people";

    /// <summary>The users' (role, region) pairs.</summary>
    public DbSet<UserGrant> Grants => Set<UserGrant>();

    /// <summary>The API keys (hashed).</summary>
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    /// <summary>The key that signs session tokens.</summary>
    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    /// <summary>Who did what.</summary>
    public DbSet<AuditRecord> Audit => Set<AuditRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity's AspNet* names read oddly next to the other modules' tables.
        builder.Entity<WuyiUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.MutedMailKinds).HasMaxLength(500);
            b.HasMany(u => u.Grants).WithOne().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<UserGrant>(b =>
        {
            b.ToTable("user_grants");
            b.Property(g => g.Role).HasMaxLength(50);
            b.Property(g => g.RegionCode).HasMaxLength(15);
            b.HasIndex(g => new { g.UserId, g.Role, g.RegionCode }).IsUnique();
            b.HasIndex(g => new { g.Role, g.RegionCode });
        });
        builder.Entity<ApiKeyRecord>(b =>
        {
            b.ToTable("api_keys");
            b.HasKey(k => k.Id);
            b.Property(k => k.Id).HasMaxLength(32);
            b.Property(k => k.Name).HasMaxLength(100);
            b.Property(k => k.Scope).HasMaxLength(50);
            b.Property(k => k.RegionCode).HasMaxLength(15);
            b.Property(k => k.SecretHash).HasMaxLength(64);
        });
        builder.Entity<SigningKeyRecord>(b =>
        {
            b.ToTable("signing_keys");
            b.Property(k => k.Id).ValueGeneratedNever();
            b.Property(k => k.Key).HasMaxLength(100);
        });
        builder.Entity<AuditRecord>(b =>
        {
            b.ToTable("audit");
            b.Property(a => a.UserName).HasMaxLength(256);
            b.Property(a => a.ApiKey).HasMaxLength(100);
            b.Property(a => a.Action).HasMaxLength(200);
            b.Property(a => a.Target).HasMaxLength(500);
            b.Property(a => a.RegionCode).HasMaxLength(15);
            b.Property(a => a.Detail).HasMaxLength(500);
            b.HasIndex(a => a.At);
            b.HasIndex(a => new { a.UserName, a.At });
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Wuyi.Runtime.Store;

/// <summary>The runtime's tables. Provider subclasses own each provider's migrations.</summary>
public abstract class RuntimeDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module name: its migration history table is <c>__wuyi_runtime_migrations</c>.</summary>
    public const string Module = "runtime";

    /// <summary>Deployed definition versions.</summary>
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();

    /// <summary>Process instances.</summary>
    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    /// <summary>Open waits (a projection of the instances' states).</summary>
    public DbSet<WaitRecord> Waits => Set<WaitRecord>();

    /// <summary>User tasks, open and ended.</summary>
    public DbSet<UserTaskRecord> UserTasks => Set<UserTaskRecord>();

    /// <summary>Append-only history.</summary>
    public DbSet<HistoryRecord> History => Set<HistoryRecord>();

    /// <summary>Idempotency keys of applied stimuli.</summary>
    public DbSet<AppliedStimulusRecord> AppliedStimuli => Set<AppliedStimulusRecord>();

    /// <summary>Stimuli held while their instance is suspended.</summary>
    public DbSet<HeldStimulusRecord> HeldStimuli => Set<HeldStimulusRecord>();

    /// <summary>Messages waiting for a wait.</summary>
    public DbSet<BufferedMessageRecord> BufferedMessages => Set<BufferedMessageRecord>();

    /// <summary>Work to carry out after a step.</summary>
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    /// <summary>Next firings of timer start events.</summary>
    public DbSet<TimerStartRecord> TimerStarts => Set<TimerStartRecord>();

    /// <summary>Incidents.</summary>
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    /// <summary>The manual clock's time (one row; empty with the system clock).</summary>
    public DbSet<ClockRecord> Clock => Set<ClockRecord>();

    /// <summary>Accepted message fan-outs and signal broadcasts, until delivered.</summary>
    public DbSet<FanOutRecord> FanOuts => Set<FanOutRecord>();

    /// <summary>Deployed form versions (Camunda Forms).</summary>
    public DbSet<FormRecord> Forms => Set<FormRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<DefinitionRecord>(e =>
        {
            e.ToTable("definitions");
            e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
            e.HasIndex(d => new { d.Key, d.Hash }).IsUnique();
            e.Property(d => d.Key).HasMaxLength(200);
            e.Property(d => d.Hash).HasMaxLength(64);
            e.Property(d => d.DeployedBy).HasMaxLength(200);
        });
        b.Entity<InstanceRecord>(e =>
        {
            e.ToTable("instances");
            e.Property(i => i.Id).HasMaxLength(200);
            e.Property(i => i.ProcessKey).HasMaxLength(200);
            e.Property(i => i.BusinessKey).HasMaxLength(200);
            e.Property(i => i.RegionCode).HasMaxLength(32);
            e.Property(i => i.ParentId).HasMaxLength(200);
            e.Property(i => i.Status).HasMaxLength(16);
            e.HasIndex(i => new { i.RegionCode, i.Status });
            e.HasIndex(i => i.BusinessKey);
            e.HasIndex(i => i.ParentId);
            e.HasOne<DefinitionRecord>().WithMany().HasForeignKey(i => i.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<WaitRecord>(e =>
        {
            e.ToTable("waits");
            e.Property(w => w.Id).HasMaxLength(220);
            e.Property(w => w.InstanceId).HasMaxLength(200);
            e.Property(w => w.Kind).HasMaxLength(16);
            e.Property(w => w.Name).HasMaxLength(200);
            e.Property(w => w.CorrelationKey).HasMaxLength(200);
            e.HasIndex(w => w.InstanceId);
            e.HasIndex(w => new { w.Kind, w.Name, w.CorrelationKey });
            e.HasIndex(w => new { w.Kind, w.DueAt, w.Id }); // due timers in (due, id) order straight from the index
        });
        b.Entity<UserTaskRecord>(e =>
        {
            e.ToTable("user_tasks");
            e.Property(t => t.Id).HasMaxLength(220);
            e.Property(t => t.Status).HasMaxLength(16);
            e.HasIndex(t => new { t.Status, t.RegionCode });
            e.HasIndex(t => t.InstanceId);
        });
        b.Entity<HistoryRecord>(e =>
        {
            e.ToTable("history");
            e.Property(h => h.Type).HasMaxLength(40);
            e.HasIndex(h => new { h.InstanceId, h.Id });
        });
        b.Entity<AppliedStimulusRecord>(e =>
        {
            e.ToTable("applied_stimuli");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(400);
            e.Property(s => s.Fingerprint).HasMaxLength(200);
        });
        b.Entity<HeldStimulusRecord>(e =>
        {
            e.ToTable("held_stimuli");
            e.HasIndex(h => new { h.InstanceId, h.Id });
        });
        b.Entity<BufferedMessageRecord>(e =>
        {
            e.ToTable("buffered_messages");
            e.HasKey(m => m.MessageId);
            e.Property(m => m.MessageId).HasMaxLength(200);
            e.HasIndex(m => new { m.Name, m.CorrelationKey });
        });
        b.Entity<OutboxRecord>(e =>
        {
            e.ToTable("outbox");
            e.Property(o => o.Kind).HasMaxLength(32);
            e.Property(o => o.Status).HasMaxLength(16);
            e.HasIndex(o => new { o.Status, o.NextAttemptAt });
            e.HasIndex(o => o.WaitId);
        });
        b.Entity<IncidentRecord>(e =>
        {
            e.ToTable("incidents");
            e.HasIndex(i => new { i.InstanceId, i.ResolvedAt });
        });
        b.Entity<TimerStartRecord>(e =>
        {
            e.ToTable("timer_starts");
            e.Property(t => t.Id).HasMaxLength(260);
            e.HasIndex(t => t.DueAt);
            e.HasIndex(t => t.ProcessKey);
        });
        b.Entity<ClockRecord>(e =>
        {
            e.ToTable("manual_clock");
            e.Property(c => c.Id).ValueGeneratedNever();
        });
        b.Entity<FanOutRecord>(e =>
        {
            e.ToTable("fan_outs");
            e.Property(f => f.Id).HasMaxLength(260);
            e.Property(f => f.Status).HasMaxLength(16);
            e.Property(f => f.ClaimedBy).HasMaxLength(200);
            e.HasIndex(f => new { f.Status, f.ClaimedUntil });
        });
        b.Entity<FormRecord>(e =>
        {
            e.ToTable("forms");
            e.HasIndex(f => new { f.FormId, f.Version }).IsUnique();
            e.HasIndex(f => new { f.FormId, f.Hash }).IsUnique();
            e.Property(f => f.FormId).HasMaxLength(200);
            e.Property(f => f.Hash).HasMaxLength(64);
            e.Property(f => f.DeployedBy).HasMaxLength(200);
        });
        ConfigureProvider(b);
    }

    /// <summary>The instant <paramref name="at"/> as this database gives it back once stored (PostgreSQL keeps
    /// microseconds, the SQLite tables milliseconds): what a row written with it reads as, without reading it.</summary>
    public abstract DateTimeOffset AsStored(DateTimeOffset at);

    /// <summary>Provider-specific touches (SQLite stores DateTimeOffset as text and cannot order it correctly).</summary>
    protected virtual void ConfigureProvider(ModelBuilder modelBuilder)
    {
    }
}

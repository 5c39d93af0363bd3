using System.Diagnostics;
using System.Globalization;

namespace Wuyi.Server.Bench;

/// <summary>
/// Measures one phase of a benchmark: wall time, this process's CPU, the whole machine's CPU (so PostgreSQL's
/// share shows when it runs on the same machine), write transactions (transaction ids consumed), WAL bytes
/// and, with pg_stat_statements, what the database executed.
/// </summary>
internal sealed class PhaseMeter
{
    private readonly string connectionString;
    private readonly bool statements;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly TimeSpan processCpu;
    private readonly MachineCpu machine;
    private readonly ServerCounters counters;

    private PhaseMeter(string connectionString, bool statements, ServerCounters counters)
    {
        this.connectionString = connectionString;
        this.statements = statements;
        this.counters = counters;
        processCpu = Process.GetCurrentProcess().TotalProcessorTime;
        machine = MachineCpu.Read();
    }

    /// <summary>Starts measuring (resetting pg_stat_statements in the database).</summary>
    public static async Task<PhaseMeter> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var statements = await BenchServer.ResetStatementsAsync(connectionString, cancellationToken);
        var counters = await BenchServer.CountersAsync(connectionString, cancellationToken);
        return new PhaseMeter(connectionString, statements, counters);
    }

    /// <summary>Stops and returns the figures for <paramref name="transitions"/> transitions.</summary>
    public async Task<PhaseFigures> StopAsync(long transitions, CancellationToken cancellationToken)
    {
        var elapsed = wall.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - processCpu;
        var machineNow = MachineCpu.Read();
        var after = await BenchServer.CountersAsync(connectionString, cancellationToken);
        var executed = statements ? await BenchServer.StatementsAsync(connectionString, cancellationToken) : null;
        return new PhaseFigures(transitions, elapsed, cpu, machineNow.BusySeconds - machine.BusySeconds,
            machineNow.IoWaitSeconds - machine.IoWaitSeconds, after.NextXid - counters.NextXid, after.WalBytes - counters.WalBytes, executed);
    }

    /// <summary>The machine's CPU seconds from /proc/stat (zero where there is none).</summary>
    private readonly record struct MachineCpu(double BusySeconds, double IoWaitSeconds)
    {
        public static MachineCpu Read()
        {
            try
            {
                var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
                    .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                // user nice system idle iowait irq softirq steal …, in clock ticks (100 per second on Linux).
                var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
                return new MachineCpu(busy / 100.0, fields[4] / 100.0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                return default;
            }
        }
    }
}

/// <summary>What one measured phase did and cost.</summary>
/// <param name="Transitions">Instance transitions (starts and applied stimuli) the phase carried out.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="ProcessCpu">This process's CPU time.</param>
/// <param name="MachineBusySeconds">CPU seconds the whole machine was busy (this process, PostgreSQL, anything else).</param>
/// <param name="MachineIoWaitSeconds">CPU seconds idle waiting for I/O.</param>
/// <param name="WriteTransactions">Transaction ids consumed: write transactions, i.e. commits (and rollbacks).</param>
/// <param name="WalBytes">WAL written.</param>
/// <param name="Statements">What the database executed (null without pg_stat_statements).</param>
internal sealed record PhaseFigures(long Transitions, TimeSpan Elapsed, TimeSpan ProcessCpu, double MachineBusySeconds,
    double MachineIoWaitSeconds, long WriteTransactions, long WalBytes, List<StatementStats>? Statements)
{
    public double PerSecond => Transitions / Elapsed.TotalSeconds;

    public double StatementsPerTransition => Statements is null || Transitions == 0 ? double.NaN
        : Statements.Where(s => !IsTransactionControl(s.Query)).Sum(s => s.Calls) / (double)Transitions;

    /// <summary>
    /// Top-level write commits per transition: transaction ids consumed, less the subtransaction ids that EF Core's
    /// savepoints (one per SaveChanges inside an explicit transaction) take.
    /// </summary>
    public double CommitsPerTransition => Transitions == 0 ? double.NaN
        : (WriteTransactions - (Statements?.Where(s => s.Query.StartsWith("SAVEPOINT", StringComparison.OrdinalIgnoreCase)).Sum(s => s.Calls) ?? 0))
          / (double)Transitions;

    public double DatabaseExecMilliseconds => Statements?.Sum(s => s.TotalMilliseconds) ?? double.NaN;

    public static bool IsTransactionControl(string query) =>
        query.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase) || query.StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase)
        || query.StartsWith("ROLLBACK", StringComparison.OrdinalIgnoreCase) || query.StartsWith("START TRANSACTION", StringComparison.OrdinalIgnoreCase)
        || query.StartsWith("DISCARD", StringComparison.OrdinalIgnoreCase);
}

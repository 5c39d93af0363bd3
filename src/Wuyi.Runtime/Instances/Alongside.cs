using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>Writes that join a step's transaction: they commit with it or not at all.</summary>
/// <param name="db">The context inside the step's transaction.</param>
/// <param name="now">The step's time.</param>
/// <param name="cancellationToken">Cancels the work.</param>
public delegate Task Alongside(RuntimeDbContext db, DateTimeOffset now, CancellationToken cancellationToken);

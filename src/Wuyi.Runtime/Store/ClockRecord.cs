namespace Wuyi.Runtime.Store;

/// <summary>
/// The time of the manual clock (<c>--clock manual</c>), one row, kept in the database so that every node on it reads
/// the same time: an advance on one node moves all of them.
/// </summary>
public sealed class ClockRecord
{
    /// <summary>Always <see cref="SingleId"/>.</summary>
    public int Id { get; init; }

    /// <summary>The current manual time.</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>The id of the one row.</summary>
    public const int SingleId = 1;
}

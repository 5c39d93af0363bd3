namespace Wuyi.Expressions;

/// <summary>What an evaluation may read: variables, the stimulus's time, and a step budget.</summary>
/// <param name="Variables">Looks a variable up by name; returns false when it is not defined.</param>
/// <param name="Now">The time of the stimulus being applied (the engine never reads a clock).</param>
/// <param name="StepBudget">Evaluation steps allowed before the evaluation fails: one per syntax node
/// visited, plus the work of functions (one per list element searched, one per 256 characters built…).</param>
public sealed record EvaluationContext(VariableLookup Variables, DateTimeOffset Now, int StepBudget = 10_000)
{
    /// <summary>The business calendar for this evaluation; null uses <see cref="ExpressionEnvironment.Calendar"/>.</summary>
    public WorkingCalendar? Calendar { get; init; }

    /// <summary>A context reading variables from a dictionary.</summary>
    /// <param name="variables">Variable values by name (JSON-shaped; ints, decimals, dates and JSON
    /// elements are normalised when read).</param>
    /// <param name="now">The time of the stimulus being applied.</param>
    /// <param name="stepBudget">Evaluation steps allowed.</param>
    public static EvaluationContext For(IReadOnlyDictionary<string, object?> variables, DateTimeOffset now, int stepBudget = 10_000)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new EvaluationContext(variables.TryGetValue, now, stepBudget);
    }
}

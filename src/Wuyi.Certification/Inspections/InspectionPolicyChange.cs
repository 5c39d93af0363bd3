namespace Wuyi.Certification.Inspections;

/// <summary>The policy after a change, or why the change was refused (nothing written).</summary>
/// <param name="Policy">The policy now in force.</param>
/// <param name="Refusal">Why it was refused.</param>
public sealed record InspectionPolicyChange(InspectionPolicyView? Policy, Refusal? Refusal);

namespace Wuyi.Certification.Epidemic;

/// <summary>A county's standing for who may take part (创建范围), derived from the service's own infection records and the
/// declarations it received.</summary>
/// <param name="CountyCode">The 6-digit county code.</param>
/// <param name="Status">One of <see cref="CountyStates"/>.</param>
/// <param name="Reason">Why, in words an official can check.</param>
/// <param name="LatestInfectionAt">The latest infection recorded in the county since the programme's start, if any.</param>
/// <param name="LatestInfectionArea">The area of that infection.</param>
/// <param name="DeclaredAt">When dynamic zero was last declared or lost, if ever.</param>
public sealed record CountyState(string CountyCode, string Status, string Reason, DateTimeOffset? LatestInfectionAt, string? LatestInfectionArea,
    DateTimeOffset? DeclaredAt)
{
    /// <summary>Every area of the county may take part.</summary>
    public bool OpenToAll => Status is CountyStates.NoOutbreak or CountyStates.DynamicZero;
}

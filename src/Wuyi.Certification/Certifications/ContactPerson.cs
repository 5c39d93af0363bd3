namespace Wuyi.Certification.Certifications;

/// <summary>The area's contact person for the application.</summary>
/// <param name="Name">Their name.</param>
/// <param name="Phone">Their phone number.</param>
public sealed record ContactPerson(string? Name, string? Phone);

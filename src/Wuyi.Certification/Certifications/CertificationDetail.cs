using System.Text.Json;

namespace Wuyi.Certification.Certifications;

/// <summary>One certification in full: where it stands, the criteria results, the benefits and the timeline.</summary>
/// <param name="Summary">What the list shows.</param>
/// <param name="ActiveElements">The flow nodes it is at (the current step).</param>
/// <param name="OpenTasks">Its open user tasks.</param>
/// <param name="Criteria">The criteria: <c>selfAssessment</c> and <c>inspectionCriteria</c> (criterion → met), and the latest
/// <c>townshipReview</c>, <c>countyAssessment</c> and <c>provincialFiling</c> (a <see cref="ReviewView"/> each), those present.</param>
/// <param name="Benefits">The benefits in force: <c>controlLevel</c>, <c>testingFrequency</c>, <c>stayInsideRegime</c>, since when
/// (<c>benefitsSince</c>), and whether the area lies in a high-risk zone (<c>inHighRiskZone</c>).</param>
/// <param name="Record">The other variables the model writes (dates, counts, reasons).</param>
/// <param name="Reviews">Every completed review, every round (a returned application is reviewed again), oldest first.</param>
/// <param name="Timeline">The instance history, oldest first.</param>
public sealed record CertificationDetail(CertificationSummary Summary, IReadOnlyList<string> ActiveElements, IReadOnlyList<OpenTaskView> OpenTasks,
    IReadOnlyDictionary<string, JsonElement?> Criteria, IReadOnlyDictionary<string, JsonElement?> Benefits,
    IReadOnlyDictionary<string, JsonElement?> Record, IReadOnlyList<ReviewView> Reviews, IReadOnlyList<TimelineEntry> Timeline);

using System.Text.Json;

namespace Wuyi.Certification.Certifications;

/// <summary>
/// One completed review (township review, city/county assessment or provincial filing), read from its task row:
/// the model keeps no review record in its variables (a certified instance stays small).
/// </summary>
/// <param name="TaskId">The completed task.</param>
/// <param name="Level">The review's task in the model: <c>TownshipReview</c>, <c>CountyAssessment</c> or <c>ProvincialFiling</c>.</param>
/// <param name="Decision"><c>approve</c>, <c>return</c> or <c>reject</c> (anything else returned the application).</param>
/// <param name="Criteria">The seven criteria as the reviewer found them (criterion → met).</param>
/// <param name="Comments">The reviewer's comments.</param>
/// <param name="CriterionComments">What the reviewer wrote against single criteria (criterion → text), if anything: a
/// returned applicant reads here what to put right.</param>
/// <param name="By">Who completed it.</param>
/// <param name="At">When.</param>
public sealed record ReviewView(string TaskId, string Level, string? Decision, JsonElement? Criteria, string? Comments, JsonElement? CriterionComments, string? By, DateTimeOffset? At);

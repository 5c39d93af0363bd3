namespace Wuyi.Certification.Certifications;

/// <summary>
/// What a reviewer submits when completing a review task (workflows/README.md, "Tasks"): the model's gateways read it,
/// and the review records are read back from the task rows (<see cref="CertificationQueries.ReviewsAsync"/>).
/// </summary>
public static class ReviewForm
{
    /// <summary><c>approve</c>, <c>return</c> or <c>reject</c>.</summary>
    public const string DecisionField = "decision";

    /// <summary>The seven criteria → met.</summary>
    public const string CriteriaField = "criteria";

    /// <summary>The reviewer's comments.</summary>
    public const string CommentsField = "comments";

    /// <summary>Optional comments on single criteria (criterion → text).</summary>
    public const string CriterionCommentsField = "criterionComments";

    /// <summary>A completed form: the decision, every criterion met or not, and the comments.</summary>
    public static Dictionary<string, object?> Variables(string decision, bool criteriaMet, string comments) => new()
    {
        [DecisionField] = decision,
        [CriteriaField] = Criteria.All(criteriaMet).ToDictionary(c => c.Key, c => (object?)c.Value),
        [CommentsField] = comments,
    };
}

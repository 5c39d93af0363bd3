using Wuyi.Runtime.Forms;

namespace Wuyi.Runtime.Tests.Forms;

public sealed class FormValidationTests
{
    private static readonly string[] CriteriaKeys =
        ["organisation", "zeroCases", "measures", "environment", "healthServices", "personalResponsibility", "publicity"];

    private static FormSchema Form(string id) => FormSchema.Parse(ShippedForms.Read(id)).Schema!;

    private static Dictionary<string, object?> Criteria(bool met = true, string? without = null) =>
        CriteriaKeys.Where(k => k != without).ToDictionary(k => k, _ => (object?)met);

    private static Dictionary<string, object?> Review(string decision = "approve", object? criteria = null) => new()
    {
        ["decision"] = decision, ["criteria"] = criteria ?? Criteria(), ["comments"] = "材料齐全",
    };

    [Fact]
    public void Parse_EveryShippedForm_ParsesWithItsFileName()
    {
        var files = System.IO.Directory.GetFiles(ShippedForms.Directory, "*.form");
        Assert.True(files.Length >= 10);
        foreach (var file in files)
        {
            var (schema, error) = FormSchema.Parse(File.ReadAllText(file));
            Assert.True(schema is not null, $"{file}: {error}");
            Assert.Equal(Path.GetFileNameWithoutExtension(file), schema.Id);
        }
    }

    [Theory]
    [InlineData("township-review")]
    [InlineData("county-assessment")]
    [InlineData("provincial-filing")]
    public void Validate_ReviewAsSubmittedToday_NoErrors(string formId) =>
        Assert.Empty(FormValidation.Validate(Form(formId), Review()));

    [Fact]
    public void Validate_ReviewWithCriterionComments_NoErrors()
    {
        var review = Review("return", Criteria(met: false));
        review["criterionComments"] = new Dictionary<string, object?> { ["environment"] = "垃圾未清运" };
        Assert.Empty(FormValidation.Validate(Form("township-review"), review));
    }

    [Fact]
    public void Validate_DecisionMaybe_NamesDecisionAndItsChoices()
    {
        var errors = FormValidation.Validate(Form("township-review"), Review("maybe"));
        var message = Assert.Single(Assert.Single(errors, e => e.Key == "decision").Value);
        Assert.Contains("\"approve\", \"return\", \"reject\"", message);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_NoCriteria_EachOfTheSevenRequired()
    {
        var review = Review();
        review.Remove("criteria");
        var errors = FormValidation.Validate(Form("county-assessment"), review);
        Assert.Equal(CriteriaKeys.Select(k => "criteria." + k).Order(), errors.Keys.Order());
        Assert.All(errors.Values, m => Assert.Contains("is required", m[0]));
    }

    [Fact]
    public void Validate_CriterionMissingOrNotYesNo_NamesThatCriterion()
    {
        var criteria = Criteria(without: "publicity");
        criteria["zeroCases"] = "yes";
        var errors = FormValidation.Validate(Form("provincial-filing"), Review(criteria: criteria));
        Assert.Equal(["criteria.publicity", "criteria.zeroCases"], errors.Keys.Order());
    }

    [Fact]
    public void Validate_VariableNotOnTheForm_Refused()
    {
        var review = Review();
        review["status"] = "certified";
        var criteria = Criteria();
        criteria["bribery"] = true;
        review["criteria"] = criteria;
        var errors = FormValidation.Validate(Form("township-review"), review);
        Assert.Equal(["criteria.bribery", "status"], errors.Keys.Order());
        Assert.Contains("not a field of the form township-review", errors["status"][0]);
    }

    [Fact]
    public void Validate_CommentsTooLongOrNotText_Refused()
    {
        var review = Review();
        review["comments"] = new string('长', 4001);
        Assert.Contains("at most 4000", FormValidation.Validate(Form("township-review"), review)["comments"][0]);
        review["comments"] = 42L;
        Assert.Contains("must be text", FormValidation.Validate(Form("township-review"), review)["comments"][0]);
    }

    [Fact]
    public void Validate_WithdrawTrue_SelfAssessmentNotNeeded()
    {
        var form = Form("revise-application");
        Assert.Empty(FormValidation.Validate(form, new Dictionary<string, object?> { ["withdraw"] = true }));
        Assert.Empty(FormValidation.Validate(form, new Dictionary<string, object?> { ["selfAssessment"] = Criteria() }));
        Assert.Equal(7, FormValidation.Validate(form, new Dictionary<string, object?> { ["withdraw"] = false }).Count);
    }

    [Fact]
    public void Validate_AreaCodeNotTwelveDigits_PatternNamed()
    {
        var application = new Dictionary<string, object?> { ["areaCode"] = "4601", ["selfAssessment"] = Criteria() };
        var errors = FormValidation.Validate(Form("application"), application);
        Assert.Contains("must match the pattern", Assert.Single(errors, e => e.Key == "areaCode").Value[0]);
    }

    [Fact]
    public void Validate_VerificationWithoutVerdict_Required()
    {
        var errors = FormValidation.Validate(Form("rectification-verification"), new Dictionary<string, object?> { ["remarks"] = "ok" });
        Assert.Equal(["verified"], errors.Keys);
    }

    [Theory]
    [InlineData("camunda-forms:deployment:forms/township-review.form", "township-review")]
    [InlineData("township-review", "township-review")]
    [InlineData("", null)]
    public void FormId_CamundaSpellings_TheFormsName(string reference, string? expected) =>
        Assert.Equal(expected, TaskForms.FormId(reference));
}

namespace Wuyi.People.Access;

/// <summary>The roles: the candidate-group prefixes the shipped models use, plus the operators and administrators.</summary>
public static class Roles
{
    /// <summary>An area applying for certification.</summary>
    public const string Applicant = "applicant";

    /// <summary>Township (乡镇) review.</summary>
    public const string TownshipReviewer = "township-reviewer";

    /// <summary>City/county (市县) assessment.</summary>
    public const string CountyAssessor = "county-assessor";

    /// <summary>Provincial filing (省级备案).</summary>
    public const string ProvinceFiler = "province-filer";

    /// <summary>Spot-checks.</summary>
    public const string Inspector = "inspector";

    /// <summary>The civilisation centre (文明中心) that plans rectifications.</summary>
    public const string CivilisationCentre = "civilisation-centre";

    /// <summary>Civil affairs (民政).</summary>
    public const string CivilAffairs = "civil-affairs";

    /// <summary>Health (卫生健康).</summary>
    public const string Health = "health";

    /// <summary>Sends epidemic signals.</summary>
    public const string HealthOperator = "health-operator";

    /// <summary>Deploys models, operates instances, acts on any task of their region.</summary>
    public const string Administrator = "administrator";

    /// <summary>Every role.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Applicant, TownshipReviewer, CountyAssessor, ProvinceFiler, Inspector, CivilisationCentre, CivilAffairs, Health,
        HealthOperator, Administrator,
    ];
}

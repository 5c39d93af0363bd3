using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Certification.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RulesRiskZonesPolicyBenefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "benefits_since",
                table: "certifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "control_level",
                table: "certifications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "stay_inside_regime",
                table: "certifications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "testing_frequency",
                table: "certifications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inspection_policy",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    interval = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    covert_share = table.Column<double>(type: "double precision", nullable: false),
                    first_check_within = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_policy", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_zones",
                columns: table => new
                {
                    area_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_zones", x => x.area_code);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_policy");

            migrationBuilder.DropTable(
                name: "risk_zones");

            migrationBuilder.DropColumn(
                name: "benefits_since",
                table: "certifications");

            migrationBuilder.DropColumn(
                name: "control_level",
                table: "certifications");

            migrationBuilder.DropColumn(
                name: "stay_inside_regime",
                table: "certifications");

            migrationBuilder.DropColumn(
                name: "testing_frequency",
                table: "certifications");
        }
    }
}

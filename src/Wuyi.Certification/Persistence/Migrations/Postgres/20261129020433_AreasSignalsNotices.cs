using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Certification.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AreasSignalsNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "area_infections",
                columns: table => new
                {
                    area_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    last_infection_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_area_infections", x => x.area_code);
                });

            migrationBuilder.CreateTable(
                name: "area_notices",
                columns: table => new
                {
                    wait_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    area_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    instance_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_area_notices", x => x.wait_id);
                });

            migrationBuilder.CreateTable(
                name: "close_contacts",
                columns: table => new
                {
                    area_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cleared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_close_contacts", x => new { x.area_code, x.reference });
                });

            migrationBuilder.CreateTable(
                name: "compounds",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compounds", x => x.code);
                    table.ForeignKey(
                        name: "fk_compounds_regions_community_code",
                        column: x => x.community_code,
                        principalTable: "regions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "county_status",
                columns: table => new
                {
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    dynamic_zero = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_county_status", x => x.county_code);
                });

            migrationBuilder.CreateTable(
                name: "signals",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    answer = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_area_notices_area_code",
                table: "area_notices",
                column: "area_code");

            migrationBuilder.CreateIndex(
                name: "ix_close_contacts_reference_cleared_at",
                table: "close_contacts",
                columns: new[] { "reference", "cleared_at" });

            migrationBuilder.CreateIndex(
                name: "ix_compounds_community_code_name",
                table: "compounds",
                columns: new[] { "community_code", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "area_infections");

            migrationBuilder.DropTable(
                name: "area_notices");

            migrationBuilder.DropTable(
                name: "close_contacts");

            migrationBuilder.DropTable(
                name: "compounds");

            migrationBuilder.DropTable(
                name: "county_status");

            migrationBuilder.DropTable(
                name: "signals");
        }
    }
}

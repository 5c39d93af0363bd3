using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Certification.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificationStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certifications",
                columns: table => new
                {
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    area_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: false),
                    certified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    suspended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certifications", x => x.instance_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_certifications_area_code",
                table: "certifications",
                column: "area_code");

            migrationBuilder.CreateIndex(
                name: "ix_certifications_status_area_code",
                table: "certifications",
                columns: new[] { "status", "area_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certifications");
        }
    }
}

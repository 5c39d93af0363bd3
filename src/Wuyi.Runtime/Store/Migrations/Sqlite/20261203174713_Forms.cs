using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Forms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forms",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    form_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    schema = table.Column<string>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    deployed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    deployed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forms", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forms_form_id_hash",
                table: "forms",
                columns: new[] { "form_id", "hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_forms_form_id_version",
                table: "forms",
                columns: new[] { "form_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forms");
        }
    }
}

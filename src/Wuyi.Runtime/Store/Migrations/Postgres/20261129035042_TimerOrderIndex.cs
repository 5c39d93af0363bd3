using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Runtime.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TimerOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_waits_kind_due_at",
                table: "waits");

            migrationBuilder.CreateIndex(
                name: "ix_waits_kind_due_at_id",
                table: "waits",
                columns: new[] { "kind", "due_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_waits_kind_due_at_id",
                table: "waits");

            migrationBuilder.CreateIndex(
                name: "ix_waits_kind_due_at",
                table: "waits",
                columns: new[] { "kind", "due_at" });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimerStarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "timer_starts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    definition_id = table.Column<long>(type: "INTEGER", nullable: false),
                    process_key = table.Column<string>(type: "TEXT", nullable: false),
                    start_event_id = table.Column<string>(type: "TEXT", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    cycle = table.Column<string>(type: "TEXT", nullable: true),
                    remaining = table.Column<int>(type: "INTEGER", nullable: false),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true),
                    claimed_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timer_starts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_timer_starts_due_at",
                table: "timer_starts",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_timer_starts_process_key",
                table: "timer_starts",
                column: "process_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "timer_starts");
        }
    }
}

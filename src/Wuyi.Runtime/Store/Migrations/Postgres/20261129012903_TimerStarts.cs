using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Runtime.Store.Migrations.Postgres
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
                    id = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    definition_id = table.Column<long>(type: "bigint", nullable: false),
                    process_key = table.Column<string>(type: "text", nullable: false),
                    start_event_id = table.Column<string>(type: "text", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cycle = table.Column<string>(type: "text", nullable: true),
                    remaining = table.Column<int>(type: "integer", nullable: false),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    claimed_by = table.Column<string>(type: "text", nullable: true)
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

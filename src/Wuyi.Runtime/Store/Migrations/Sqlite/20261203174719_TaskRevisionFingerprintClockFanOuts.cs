using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskRevisionFingerprintClockFanOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "user_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "fingerprint",
                table: "applied_stimuli",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "fan_outs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    request = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fan_outs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "manual_clock",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    now = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manual_clock", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fan_outs_status_claimed_until",
                table: "fan_outs",
                columns: new[] { "status", "claimed_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fan_outs");

            migrationBuilder.DropTable(
                name: "manual_clock");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "fingerprint",
                table: "applied_stimuli");
        }
    }
}

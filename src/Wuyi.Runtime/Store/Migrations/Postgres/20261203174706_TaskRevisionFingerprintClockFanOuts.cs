using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Runtime.Store.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "fingerprint",
                table: "applied_stimuli",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "fan_outs",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    request = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fan_outs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "manual_clock",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    now = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

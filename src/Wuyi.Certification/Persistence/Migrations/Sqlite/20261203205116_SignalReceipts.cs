using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Certification.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignalReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signal_receipts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    signal_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    areas = table.Column<int>(type: "INTEGER", nullable: false),
                    instances = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signal_receipts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signal_receipts_code",
                table: "signal_receipts",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_signal_receipts_received_at",
                table: "signal_receipts",
                column: "received_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signal_receipts");
        }
    }
}

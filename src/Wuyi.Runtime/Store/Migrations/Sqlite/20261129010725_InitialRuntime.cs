using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wuyi.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialRuntime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applied_stimuli",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applied_stimuli", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "buffered_messages",
                columns: table => new
                {
                    message_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    correlation_key = table.Column<string>(type: "TEXT", nullable: true),
                    variables = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buffered_messages", x => x.message_id);
                });

            migrationBuilder.CreateTable(
                name: "definitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    deployed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    deployed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "held_stimuli",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    stimulus = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_held_stimuli", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    element_id = table.Column<string>(type: "TEXT", nullable: true),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    outbox_id = table.Column<long>(type: "INTEGER", nullable: true),
                    message = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    wait_id = table.Column<string>(type: "TEXT", nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", nullable: true),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_tasks",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: true),
                    business_key = table.Column<string>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", nullable: true),
                    assignee = table.Column<string>(type: "TEXT", nullable: true),
                    candidate_users = table.Column<string>(type: "TEXT", nullable: true),
                    candidate_groups = table.Column<string>(type: "TEXT", nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    follow_up_at = table.Column<long>(type: "INTEGER", nullable: true),
                    priority = table.Column<long>(type: "INTEGER", nullable: false),
                    form_key = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", nullable: true),
                    claimed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "waits",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    element_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    correlation_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true),
                    claimed_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instances",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    definition_id = table.Column<long>(type: "INTEGER", nullable: false),
                    process_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    business_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    parent_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    suspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instances", x => x.id);
                    table.ForeignKey(
                        name: "fk_instances_definitions_definition_id",
                        column: x => x.definition_id,
                        principalTable: "definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_buffered_messages_name_correlation_key",
                table: "buffered_messages",
                columns: new[] { "name", "correlation_key" });

            migrationBuilder.CreateIndex(
                name: "ix_definitions_key_hash",
                table: "definitions",
                columns: new[] { "key", "hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_definitions_key_version",
                table: "definitions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_held_stimuli_instance_id_id",
                table: "held_stimuli",
                columns: new[] { "instance_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_history_instance_id_id",
                table: "history",
                columns: new[] { "instance_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_instance_id_resolved_at",
                table: "incidents",
                columns: new[] { "instance_id", "resolved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_business_key",
                table: "instances",
                column: "business_key");

            migrationBuilder.CreateIndex(
                name: "ix_instances_definition_id",
                table: "instances",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "ix_instances_parent_id",
                table: "instances",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_instances_region_code_status",
                table: "instances",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_status_next_attempt_at",
                table: "outbox",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_wait_id",
                table: "outbox",
                column: "wait_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_instance_id",
                table: "user_tasks",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_status_region_code",
                table: "user_tasks",
                columns: new[] { "status", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_waits_instance_id",
                table: "waits",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_waits_kind_due_at",
                table: "waits",
                columns: new[] { "kind", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_waits_kind_name_correlation_key",
                table: "waits",
                columns: new[] { "kind", "name", "correlation_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applied_stimuli");

            migrationBuilder.DropTable(
                name: "buffered_messages");

            migrationBuilder.DropTable(
                name: "held_stimuli");

            migrationBuilder.DropTable(
                name: "history");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "instances");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "user_tasks");

            migrationBuilder.DropTable(
                name: "waits");

            migrationBuilder.DropTable(
                name: "definitions");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;
using Wuyi.Runtime.Scheduling;

#nullable disable

namespace Wuyi.Runtime.Store.Migrations.Sqlite
{
    /// <summary>
    /// Quartz's job-store tables (qrtz_*), which the runtime's clustered scheduler keeps its recurring schedules in.
    /// No entity of ours maps them, so the model does not change: the SQL is <see cref="QuartzSchema"/>.
    /// </summary>
    public partial class QuartzTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.Sqlite)
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.Drop)
                migrationBuilder.Sql(statement);
        }
    }
}

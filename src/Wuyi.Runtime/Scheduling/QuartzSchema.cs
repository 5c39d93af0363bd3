namespace Wuyi.Runtime.Scheduling;

/// <summary>
/// The tables of Quartz 4's ADO.NET job store (prefix <c>qrtz_</c>), as the runtime's migrations create them, so
/// that the schema is versioned with ours and Quartz never needs DDL rights (<c>SchemaProvisioning.Validate</c>,
/// Quartz's default, checks it at start-up).
/// </summary>
/// <remarks>
/// <para>
/// The eleven tables of the classic layout (job details, triggers and their four detail tables, calendars, paused
/// trigger groups, fired triggers, scheduler state, locks) plus what Quartz 4.x reads and writes beyond them: the
/// per-trigger columns of 4.x (execution group, preferred node, retry policy, continuation, overlap policy, pause
/// details, misfire threshold, fixed delay, trigger data), progress columns on fired triggers, the Quartz version on
/// scheduler state, paused job groups, and the optional execution-history, misfire-history and job-status tables
/// (created now so that turning those features on later needs no migration). A schema short of a 4.x column is
/// refused by Quartz's start-up validation, which is what the scheduling tests rely on to catch a mistake here.
/// </para>
/// <para>
/// Times are ticks in <c>bigint</c> columns, as Quartz stores them; booleans are PostgreSQL <c>bool</c> because the
/// PostgreSQL delegate binds booleans. SQLite has no cascading deletes unless a connection turns foreign keys on,
/// which Quartz's own connections do not, so the SQLite layout deletes detail rows with triggers instead.
/// </para>
/// <para>
/// This is the SQL of the <c>QuartzTables</c> migrations. When a later Quartz needs a different layout, add a new
/// migration with its own statements rather than editing these: databases that already ran them keep them.
/// </para>
/// </remarks>
internal static class QuartzSchema
{
    /// <summary>Every table, parents last, in the order <see cref="Drop"/> removes them.</summary>
    internal static readonly string[] Tables =
    [
        "qrtz_job_status", "qrtz_misfire_history", "qrtz_execution_history", "qrtz_locks", "qrtz_scheduler_state",
        "qrtz_fired_triggers", "qrtz_paused_job_grps", "qrtz_paused_trigger_grps", "qrtz_calendars", "qrtz_blob_triggers",
        "qrtz_simprop_triggers", "qrtz_cron_triggers", "qrtz_simple_triggers", "qrtz_triggers", "qrtz_job_details",
    ];

    /// <summary>The PostgreSQL statements, one per element, in dependency order.</summary>
    internal static readonly string[] Postgres =
    [
        """
        CREATE TABLE qrtz_job_details (
          sched_name text NOT NULL, job_name text NOT NULL, job_group text NOT NULL, description text NULL,
          job_class_name text NOT NULL, is_durable bool NOT NULL, is_nonconcurrent bool NOT NULL,
          is_update_data bool NOT NULL, requests_recovery bool NOT NULL, job_data bytea NULL,
          PRIMARY KEY (sched_name, job_name, job_group))
        """,
        """
        CREATE TABLE qrtz_triggers (
          sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
          job_name text NOT NULL, job_group text NOT NULL, description text NULL,
          next_fire_time bigint NULL, prev_fire_time bigint NULL, priority integer NULL,
          trigger_state text NOT NULL, trigger_type text NOT NULL, start_time bigint NOT NULL, end_time bigint NULL,
          calendar_name text NULL, misfire_instr smallint NULL, misfire_orig_fire_time bigint NULL,
          execution_group varchar(200) NULL, preferred_node varchar(200) NULL, preferred_node_auto bool NOT NULL DEFAULT false,
          retry_policy varchar(250) NULL, retry_attempt integer NULL,
          continues_trigger_name text NULL, continues_trigger_group text NULL, continuation_condition integer NULL,
          overlap_policy integer NULL, pause_reason varchar(250) NULL, paused_by varchar(200) NULL, paused_at bigint NULL,
          misfire_threshold bigint NULL, fixed_delay bool NULL, job_data bytea NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group))
        """,
        """
        CREATE TABLE qrtz_simple_triggers (
          sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
          repeat_count bigint NOT NULL, repeat_interval bigint NOT NULL, times_triggered bigint NOT NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE qrtz_cron_triggers (
          sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
          cron_expression text NOT NULL, time_zone_id text NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE qrtz_simprop_triggers (
          sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
          str_prop_1 text NULL, str_prop_2 text NULL, str_prop_3 text NULL,
          int_prop_1 integer NULL, int_prop_2 integer NULL, long_prop_1 bigint NULL, long_prop_2 bigint NULL,
          dec_prop_1 numeric NULL, dec_prop_2 numeric NULL, bool_prop_1 bool NULL, bool_prop_2 bool NULL,
          time_zone_id text NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE qrtz_blob_triggers (
          sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, blob_data bytea NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE qrtz_calendars (
          sched_name text NOT NULL, calendar_name text NOT NULL, calendar bytea NOT NULL,
          PRIMARY KEY (sched_name, calendar_name))
        """,
        """
        CREATE TABLE qrtz_paused_trigger_grps (
          sched_name text NOT NULL, trigger_group text NOT NULL,
          pause_reason varchar(250) NULL, paused_by varchar(200) NULL, paused_at bigint NULL,
          PRIMARY KEY (sched_name, trigger_group))
        """,
        """
        CREATE TABLE qrtz_paused_job_grps (
          sched_name text NOT NULL, job_group text NOT NULL,
          pause_reason varchar(250) NULL, paused_by varchar(200) NULL, paused_at bigint NULL,
          PRIMARY KEY (sched_name, job_group))
        """,
        """
        CREATE TABLE qrtz_fired_triggers (
          sched_name text NOT NULL, entry_id text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
          instance_name text NOT NULL, fired_time bigint NOT NULL, sched_time bigint NOT NULL, priority integer NOT NULL,
          state text NOT NULL, job_name text NULL, job_group text NULL, is_nonconcurrent bool NOT NULL,
          requests_recovery bool NULL, execution_group varchar(200) NULL, progress integer NULL,
          progress_message varchar(250) NULL, interrupt_requested_time bigint NULL,
          PRIMARY KEY (sched_name, entry_id))
        """,
        """
        CREATE TABLE qrtz_scheduler_state (
          sched_name text NOT NULL, instance_name text NOT NULL, last_checkin_time bigint NOT NULL,
          checkin_interval bigint NOT NULL, quartz_version varchar(20) NULL,
          PRIMARY KEY (sched_name, instance_name))
        """,
        """
        CREATE TABLE qrtz_locks (
          sched_name text NOT NULL, lock_name text NOT NULL,
          PRIMARY KEY (sched_name, lock_name))
        """,
        """
        CREATE TABLE qrtz_execution_history (
          sched_name text NOT NULL, entry_id text NOT NULL, instance_name text NOT NULL,
          job_name text NOT NULL, job_group text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
          fired_time bigint NOT NULL, run_time bigint NOT NULL, succeeded bool NOT NULL, error_message text NULL,
          retry_attempt integer NOT NULL DEFAULT 0, retry_scheduled bool NOT NULL DEFAULT false, execution_log text NULL,
          result integer NULL, summary text NULL, metrics text NULL, manual bool NULL, fire_instance_id text NULL,
          job_input text NULL, job_input_too_large bool NULL,
          PRIMARY KEY (sched_name, entry_id))
        """,
        """
        CREATE TABLE qrtz_misfire_history (
          sched_name text NOT NULL, entry_id text NOT NULL, instance_name text NOT NULL,
          trigger_name text NOT NULL, trigger_group text NOT NULL, job_name text NULL, job_group text NULL,
          misfire_time bigint NOT NULL, sched_time bigint NULL, reason integer NULL,
          PRIMARY KEY (sched_name, entry_id))
        """,
        """
        CREATE TABLE qrtz_job_status (
          sched_name text NOT NULL, job_group text NOT NULL, job_name text NOT NULL,
          first_fired_time bigint NOT NULL, last_fired_time bigint NOT NULL, last_result integer NOT NULL,
          last_run_time bigint NOT NULL, last_instance_name text NOT NULL, last_entry_id text NULL, last_summary text NULL,
          last_success_time bigint NULL, last_failure_time bigint NULL, last_failure_message text NULL,
          consecutive_failures integer NOT NULL DEFAULT 0, run_count bigint NOT NULL DEFAULT 0, failure_count bigint NOT NULL DEFAULT 0,
          PRIMARY KEY (sched_name, job_group, job_name))
        """,
        .. Indexes,
    ];

    /// <summary>The SQLite statements, one per element, in dependency order.</summary>
    internal static readonly string[] Sqlite =
    [
        """
        CREATE TABLE qrtz_job_details (
          sched_name NVARCHAR(120) NOT NULL, job_name NVARCHAR(150) NOT NULL, job_group NVARCHAR(150) NOT NULL,
          description NVARCHAR(250) NULL, job_class_name NVARCHAR(250) NOT NULL, is_durable BIT NOT NULL,
          is_nonconcurrent BIT NOT NULL, is_update_data BIT NOT NULL, requests_recovery BIT NOT NULL, job_data BLOB NULL,
          PRIMARY KEY (sched_name, job_name, job_group))
        """,
        """
        CREATE TABLE qrtz_triggers (
          sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
          job_name NVARCHAR(150) NOT NULL, job_group NVARCHAR(150) NOT NULL, description NVARCHAR(250) NULL,
          next_fire_time BIGINT NULL, prev_fire_time BIGINT NULL, priority INTEGER NULL,
          trigger_state NVARCHAR(16) NOT NULL, trigger_type NVARCHAR(8) NOT NULL, start_time BIGINT NOT NULL, end_time BIGINT NULL,
          calendar_name NVARCHAR(200) NULL, misfire_instr INTEGER NULL, misfire_orig_fire_time BIGINT NULL,
          execution_group NVARCHAR(200) NULL, preferred_node NVARCHAR(200) NULL, preferred_node_auto BIT NOT NULL DEFAULT 0,
          retry_policy NVARCHAR(250) NULL, retry_attempt INTEGER NULL,
          continues_trigger_name NVARCHAR(150) NULL, continues_trigger_group NVARCHAR(150) NULL, continuation_condition INTEGER NULL,
          overlap_policy INTEGER NULL, pause_reason NVARCHAR(250) NULL, paused_by NVARCHAR(200) NULL, paused_at BIGINT NULL,
          misfire_threshold BIGINT NULL, fixed_delay BIT NULL, job_data BLOB NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group))
        """,
        """
        CREATE TABLE qrtz_simple_triggers (
          sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
          repeat_count BIGINT NOT NULL, repeat_interval BIGINT NOT NULL, times_triggered BIGINT NOT NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE qrtz_cron_triggers (
          sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
          cron_expression NVARCHAR(250) NOT NULL, time_zone_id NVARCHAR(80) NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE qrtz_simprop_triggers (
          sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
          str_prop_1 NVARCHAR(512) NULL, str_prop_2 NVARCHAR(512) NULL, str_prop_3 NVARCHAR(512) NULL,
          int_prop_1 INT NULL, int_prop_2 INT NULL, long_prop_1 BIGINT NULL, long_prop_2 BIGINT NULL,
          dec_prop_1 NUMERIC NULL, dec_prop_2 NUMERIC NULL, bool_prop_1 BIT NULL, bool_prop_2 BIT NULL,
          time_zone_id NVARCHAR(80) NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE qrtz_blob_triggers (
          sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
          blob_data BLOB NULL,
          PRIMARY KEY (sched_name, trigger_name, trigger_group),
          FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE)
        """,
        """
        CREATE TABLE qrtz_calendars (
          sched_name NVARCHAR(120) NOT NULL, calendar_name NVARCHAR(200) NOT NULL, calendar BLOB NOT NULL,
          PRIMARY KEY (sched_name, calendar_name))
        """,
        """
        CREATE TABLE qrtz_paused_trigger_grps (
          sched_name NVARCHAR(120) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
          pause_reason NVARCHAR(250) NULL, paused_by NVARCHAR(200) NULL, paused_at BIGINT NULL,
          PRIMARY KEY (sched_name, trigger_group))
        """,
        """
        CREATE TABLE qrtz_paused_job_grps (
          sched_name NVARCHAR(120) NOT NULL, job_group NVARCHAR(150) NOT NULL,
          pause_reason NVARCHAR(250) NULL, paused_by NVARCHAR(200) NULL, paused_at BIGINT NULL,
          PRIMARY KEY (sched_name, job_group))
        """,
        """
        CREATE TABLE qrtz_fired_triggers (
          sched_name NVARCHAR(120) NOT NULL, entry_id NVARCHAR(140) NOT NULL, trigger_name NVARCHAR(150) NOT NULL,
          trigger_group NVARCHAR(150) NOT NULL, instance_name NVARCHAR(200) NOT NULL, fired_time BIGINT NOT NULL,
          sched_time BIGINT NOT NULL, priority INTEGER NOT NULL, state NVARCHAR(16) NOT NULL,
          job_name NVARCHAR(150) NULL, job_group NVARCHAR(150) NULL, is_nonconcurrent BIT NULL, requests_recovery BIT NULL,
          execution_group NVARCHAR(200) NULL, progress INTEGER NULL, progress_message NVARCHAR(250) NULL,
          interrupt_requested_time BIGINT NULL,
          PRIMARY KEY (sched_name, entry_id))
        """,
        """
        CREATE TABLE qrtz_scheduler_state (
          sched_name NVARCHAR(120) NOT NULL, instance_name NVARCHAR(200) NOT NULL, last_checkin_time BIGINT NOT NULL,
          checkin_interval BIGINT NOT NULL, quartz_version NVARCHAR(20) NULL,
          PRIMARY KEY (sched_name, instance_name))
        """,
        """
        CREATE TABLE qrtz_locks (
          sched_name NVARCHAR(120) NOT NULL, lock_name NVARCHAR(40) NOT NULL,
          PRIMARY KEY (sched_name, lock_name))
        """,
        """
        CREATE TABLE qrtz_execution_history (
          sched_name NVARCHAR(120) NOT NULL, entry_id NVARCHAR(140) NOT NULL, instance_name NVARCHAR(200) NOT NULL,
          job_name NVARCHAR(150) NOT NULL, job_group NVARCHAR(150) NOT NULL, trigger_name NVARCHAR(150) NOT NULL,
          trigger_group NVARCHAR(150) NOT NULL, fired_time BIGINT NOT NULL, run_time BIGINT NOT NULL, succeeded BIT NOT NULL,
          error_message NVARCHAR(1000) NULL, retry_attempt INTEGER NOT NULL DEFAULT 0, retry_scheduled BIT NOT NULL DEFAULT 0,
          execution_log TEXT NULL, result INTEGER NULL, summary NVARCHAR(1000) NULL, metrics TEXT NULL, manual BIT NULL,
          fire_instance_id NVARCHAR(140) NULL, job_input TEXT NULL, job_input_too_large BIT NULL,
          PRIMARY KEY (sched_name, entry_id))
        """,
        """
        CREATE TABLE qrtz_misfire_history (
          sched_name NVARCHAR(120) NOT NULL, entry_id NVARCHAR(140) NOT NULL, instance_name NVARCHAR(200) NOT NULL,
          trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL, job_name NVARCHAR(150) NULL,
          job_group NVARCHAR(150) NULL, misfire_time BIGINT NOT NULL, sched_time BIGINT NULL, reason INTEGER NULL,
          PRIMARY KEY (sched_name, entry_id))
        """,
        """
        CREATE TABLE qrtz_job_status (
          sched_name NVARCHAR(120) NOT NULL, job_group NVARCHAR(150) NOT NULL, job_name NVARCHAR(150) NOT NULL,
          first_fired_time BIGINT NOT NULL, last_fired_time BIGINT NOT NULL, last_result INTEGER NOT NULL,
          last_run_time BIGINT NOT NULL, last_instance_name NVARCHAR(200) NOT NULL, last_entry_id NVARCHAR(140) NULL,
          last_summary NVARCHAR(1000) NULL, last_success_time BIGINT NULL, last_failure_time BIGINT NULL,
          last_failure_message NVARCHAR(1000) NULL, consecutive_failures INTEGER NOT NULL DEFAULT 0,
          run_count BIGINT NOT NULL DEFAULT 0, failure_count BIGINT NOT NULL DEFAULT 0,
          PRIMARY KEY (sched_name, job_group, job_name))
        """,
        .. DeleteDetailTriggers("simple"),
        .. DeleteDetailTriggers("simprop"),
        .. DeleteDetailTriggers("cron"),
        .. DeleteDetailTriggers("blob"),
        .. Indexes,
    ];

    // The same on both databases: the acquisition index (state, next fire time, priority) is the one that matters at scale.
    private static string[] Indexes =>
    [
        "CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name)",
        "CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group)",
        "CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name)",
        "CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name)",
        "CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr)",
        "CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery)",
        "CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group)",
        "CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group)",
        "CREATE INDEX idx_qrtz_eh_fired_time ON qrtz_execution_history (sched_name, fired_time)",
        "CREATE INDEX idx_qrtz_eh_inst ON qrtz_execution_history (sched_name, instance_name)",
        "CREATE INDEX idx_qrtz_eh_job_time ON qrtz_execution_history (sched_name, job_group, job_name, fired_time)",
        "CREATE INDEX idx_qrtz_eh_trig_time ON qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time)",
        "CREATE INDEX idx_qrtz_eh_fire_inst ON qrtz_execution_history (sched_name, fire_instance_id)",
        "CREATE INDEX idx_qrtz_mh_misfire_time ON qrtz_misfire_history (sched_name, misfire_time)",
        "CREATE INDEX idx_qrtz_mh_inst ON qrtz_misfire_history (sched_name, instance_name)",
    ];

    private static string[] DeleteDetailTriggers(string kind) =>
    [
        $"""
        CREATE TRIGGER qrtz_delete_{kind}_trigger DELETE ON qrtz_triggers
        BEGIN
          DELETE FROM qrtz_{kind}_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
        END
        """,
    ];

    /// <summary>Statements that remove every Quartz table (and, on SQLite, the triggers go with their table).</summary>
    internal static IEnumerable<string> Drop => Tables.Select(t => $"DROP TABLE IF EXISTS {t}");
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Wuyi.Certification.Persistence;

namespace Wuyi.Certification.Regions;

/// <summary>
/// Loads validated region rows into the database in one transaction: PostgreSQL by binary COPY into a
/// staging table and one upsert (the national file's 620,573 villages in seconds, not row by row),
/// SQLite by one prepared upsert per row. A row whose parent is neither in the file nor in the database
/// refuses the whole load.
/// </summary>
public sealed class RegionImport(CertificationDbContext db)
{
    /// <summary>Writes <paramref name="rows"/>; new codes are added and known codes renamed or re-parented.</summary>
    /// <returns>How many rows were written.</returns>
    /// <exception cref="RegionFileException">A parent is missing; nothing was written.</exception>
    public async Task<int> LoadAsync(IReadOnlyList<RegionRow> rows, string fileName, CancellationToken cancellationToken)
    {
        await EnsureParentsExistAsync(rows, fileName, cancellationToken);
        // Parents first, so that SQLite's immediate foreign-key checks hold row by row.
        var ordered = rows.OrderBy(r => r.Level).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
            await CopyIntoPostgresAsync(npgsql, ordered, cancellationToken);
        else
            await UpsertRowByRowAsync(connection, transaction.GetDbTransaction(), ordered, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ordered.Count;
    }

    private async Task EnsureParentsExistAsync(IReadOnlyList<RegionRow> rows, string fileName, CancellationToken cancellationToken)
    {
        var inFile = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var missing = rows.Where(r => r.ParentCode is not null && !inFile.Contains(r.ParentCode)).Select(r => r.ParentCode!).Distinct().ToList();
        if (missing.Count == 0)
            return;
        var known = await db.Regions.Where(r => missing.Contains(r.Code)).Select(r => r.Code).ToListAsync(cancellationToken);
        var absent = missing.Except(known).FirstOrDefault();
        if (absent is null)
            return;
        var child = rows.First(r => r.ParentCode == absent);
        throw new RegionFileException($"{fileName}: the parent {absent} of {child.Code} ({child.Name}) is neither in the file nor in the database.");
    }

    private static async Task CopyIntoPostgresAsync(NpgsqlConnection connection, List<RegionRow> rows, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE region_import (code text, name text, level integer, parent_code text) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY region_import (code, name, level, parent_code) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(row.Code, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync((int)row.Level, NpgsqlDbType.Integer, cancellationToken);
                if (row.ParentCode is null) await writer.WriteNullAsync(cancellationToken);
                else await writer.WriteAsync(row.ParentCode, NpgsqlDbType.Text, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
        // One statement: foreign keys are checked at its end, so the order of the rows does not matter.
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO regions (code, name, level, parent_code)
            SELECT code, name, level, parent_code FROM region_import
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code
            """, connection);
        upsert.CommandTimeout = 600;
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpsertRowByRowAsync(DbConnection connection, DbTransaction transaction, List<RegionRow> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO regions (code, name, level, parent_code) VALUES ($code, $name, $level, $parent)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code
            """;
        var code = Parameter(command, "$code");
        var name = Parameter(command, "$name");
        var level = Parameter(command, "$level");
        var parent = Parameter(command, "$parent");
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            code.Value = row.Code;
            name.Value = row.Name;
            level.Value = (int)row.Level;
            parent.Value = (object?)row.ParentCode ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

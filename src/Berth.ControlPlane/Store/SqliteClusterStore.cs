using System.Globalization;
using System.Text.Json;
using Berth.ControlPlane.Security;
using Berth.Core.Health;
using Berth.Core.Placement;
using Microsoft.Data.Sqlite;

namespace Berth.ControlPlane.Store;

/// <summary>
/// The embedded store: one SQLite file in the data directory. Config values are encrypted
/// with <see cref="SecretCipher"/> before they are written.
/// </summary>
public sealed class SqliteClusterStore : IClusterStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS apps (
            name TEXT PRIMARY KEY, created_at TEXT NOT NULL,
            current_release INTEGER NOT NULL DEFAULT 0, config_version INTEGER NOT NULL DEFAULT 0,
            stopped INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS config_vars (
            app TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (app, key));
        CREATE TABLE IF NOT EXISTS domains (domain TEXT PRIMARY KEY, app TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS releases (
            app TEXT NOT NULL, number INTEGER NOT NULL, image TEXT NOT NULL, digest TEXT NOT NULL,
            config_version INTEGER NOT NULL, config BLOB NOT NULL, git_revision TEXT NOT NULL,
            description TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL,
            processes TEXT NOT NULL DEFAULT '{}', app_json TEXT NOT NULL DEFAULT '',
            checks_file TEXT NOT NULL DEFAULT '', PRIMARY KEY (app, number));
        CREATE TABLE IF NOT EXISTS formation (
            app TEXT NOT NULL, process TEXT NOT NULL, quantity INTEGER NOT NULL,
            memory_mb INTEGER NOT NULL DEFAULT 0, constraints TEXT NOT NULL DEFAULT '{}',
            max_parallel INTEGER NOT NULL DEFAULT 1, pinned_release INTEGER NOT NULL DEFAULT 0,
            checks_mode TEXT NOT NULL DEFAULT 'enabled', checks_wait INTEGER NOT NULL DEFAULT 0,
            checks_timeout INTEGER NOT NULL DEFAULT 0, checks_attempts INTEGER NOT NULL DEFAULT 0,
            stop_timeout INTEGER NOT NULL DEFAULT 30, PRIMARY KEY (app, process));
        CREATE TABLE IF NOT EXISTS nodes (
            name TEXT PRIMARY KEY, address TEXT NOT NULL, labels TEXT NOT NULL,
            memory_mb INTEGER NOT NULL, registered_at TEXT NOT NULL,
            label_changes TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE IF NOT EXISTS assignments (
            app TEXT NOT NULL, process TEXT NOT NULL, idx INTEGER NOT NULL, release INTEGER NOT NULL,
            node TEXT NOT NULL, memory_mb INTEGER NOT NULL, PRIMARY KEY (app, process, idx, release, node));
        """;

    private const string ReleaseColumns =
        "SELECT app, number, image, digest, config_version, config, git_revision, description, state, " +
        "created_at, processes, app_json, checks_file, created_by ";

    // Columns added after the first schema; a store made before them gains them at open.
    private static readonly string[] AddedColumns =
    [
        "ALTER TABLE apps ADD COLUMN stopped INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE releases ADD COLUMN processes TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE formation ADD COLUMN memory_mb INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE formation ADD COLUMN constraints TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE formation ADD COLUMN max_parallel INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE formation ADD COLUMN pinned_release INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE nodes ADD COLUMN label_changes TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE releases ADD COLUMN app_json TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE releases ADD COLUMN checks_file TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE formation ADD COLUMN checks_mode TEXT NOT NULL DEFAULT 'enabled'",
        "ALTER TABLE formation ADD COLUMN checks_wait INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE formation ADD COLUMN checks_timeout INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE formation ADD COLUMN checks_attempts INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE formation ADD COLUMN stop_timeout INTEGER NOT NULL DEFAULT 30",
        "ALTER TABLE releases ADD COLUMN created_by TEXT NOT NULL DEFAULT ''",
    ];

    private readonly string connectionString;
    private readonly SecretCipher cipher;
    private readonly TimeProvider time;

    /// <summary>Opens (and creates when new) the store at <paramref name="path"/>.</summary>
    public SqliteClusterStore(string path, SecretCipher cipher, TimeProvider time)
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        this.cipher = cipher;
        this.time = time;

        using var connection = Open();
        Execute(connection, Schema);
        foreach (var statement in AddedColumns)
        {
            try
            {
                Execute(connection, statement);
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.Ordinal))
            {
                // The store already has it.
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> CreateAppAsync(AppRecord app, CancellationToken ct = default)
    {
        await using var connection = Open();
        return Execute(
            connection,
            "INSERT OR IGNORE INTO apps (name, created_at, current_release) VALUES ($a, $b, $c)",
            app.Name,
            app.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            app.CurrentRelease) == 1;
    }

    /// <inheritdoc />
    public async Task<AppRecord?> GetAppAsync(string name, CancellationToken ct = default) =>
        (await QueryApps("WHERE name = $a", ct, name)).SingleOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<AppRecord>> ListAppsAsync(CancellationToken ct = default) =>
        QueryApps("", ct);

    /// <inheritdoc />
    public async Task<bool> DeleteAppAsync(string name, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "config_vars", "domains", "releases", "formation", "assignments" })
        {
            Execute(connection, $"DELETE FROM {table} WHERE app = $a", name);
        }

        var deleted = Execute(connection, "DELETE FROM apps WHERE name = $a", name) == 1;
        await transaction.CommitAsync(ct);
        return deleted;
    }

    /// <inheritdoc />
    public async Task<ConfigSnapshot> GetConfigAsync(string app, CancellationToken ct = default)
    {
        await using var connection = Open();
        return await ReadConfig(connection, app, ct);
    }

    /// <inheritdoc />
    public async Task<ConfigSnapshot> UpdateConfigAsync(
        string app,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> unset,
        CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        foreach (var (key, value) in set)
        {
            Execute(
                connection,
                "INSERT OR REPLACE INTO config_vars (app, key, value) VALUES ($a, $b, $c)",
                app,
                key,
                cipher.Encrypt(value));
        }

        foreach (var key in unset)
        {
            Execute(connection, "DELETE FROM config_vars WHERE app = $a AND key = $b", app, key);
        }

        Execute(connection, "UPDATE apps SET config_version = config_version + 1 WHERE name = $a", app);
        var snapshot = await ReadConfig(connection, app, ct);
        await transaction.CommitAsync(ct);
        return snapshot;
    }

    /// <inheritdoc />
    public async Task<string?> AddDomainAsync(string app, string domain, CancellationToken ct = default)
    {
        await using var connection = Open();
        Execute(connection, "INSERT OR IGNORE INTO domains (domain, app) VALUES ($a, $b)", domain, app);
        var holder = (string)(await Scalar(connection, "SELECT app FROM domains WHERE domain = $a", ct, domain))!;
        return holder == app ? null : holder;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveDomainAsync(string app, string domain, CancellationToken ct = default)
    {
        await using var connection = Open();
        return Execute(connection, "DELETE FROM domains WHERE domain = $a AND app = $b", domain, app) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Domain, string App)>> ListDomainsAsync(
        string? app = null,
        CancellationToken ct = default)
    {
        await using var connection = Open();
        var sql = app is null
            ? "SELECT domain, app FROM domains ORDER BY app, domain"
            : "SELECT domain, app FROM domains WHERE app = $a ORDER BY domain";
        return await Query(connection, sql, r => (r.GetString(0), r.GetString(1)), ct, app ?? "");
    }

    /// <inheritdoc />
    public async Task<int> NextReleaseNumberAsync(string app, CancellationToken ct = default)
    {
        await using var connection = Open();
        var max = await Scalar(connection, "SELECT COALESCE(MAX(number), 0) FROM releases WHERE app = $a", ct, app);
        return Convert.ToInt32(max, CultureInfo.InvariantCulture) + 1;
    }

    /// <inheritdoc />
    public async Task<ReleaseRecord> CreateReleaseAsync(
        string app,
        string image,
        string digest,
        ConfigSnapshot config,
        string gitRevision,
        string description,
        string createdBy,
        IReadOnlyDictionary<string, string> processes,
        ReleaseSources sources,
        CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        var max = await Scalar(connection, "SELECT COALESCE(MAX(number), 0) FROM releases WHERE app = $a", ct, app);
        var number = Convert.ToInt32(max, CultureInfo.InvariantCulture) + 1;
        var createdAt = time.GetUtcNow();
        var release = new ReleaseRecord(
            app,
            number,
            image,
            digest,
            config,
            gitRevision,
            description,
            ReleaseStates.Pending,
            createdAt,
            processes,
            sources,
            createdBy);

        Execute(
            connection,
            "INSERT INTO releases (app, number, image, digest, config_version, config, git_revision, description, " +
            "state, created_at, processes, app_json, checks_file, created_by) " +
            "VALUES ($a, $b, $c, $d, $e, $f, $g, $h, $i, $j, $k, $l, $m, $n)",
            app,
            number,
            image,
            digest,
            config.Version,
            cipher.Encrypt(JsonSerializer.Serialize(config.Values)),
            gitRevision,
            description,
            release.State,
            createdAt.ToString("O", CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(processes),
            sources.AppJson,
            sources.ChecksFile,
            createdBy);
        await transaction.CommitAsync(ct);
        return release;
    }

    /// <inheritdoc />
    public async Task<ReleaseRecord?> GetReleaseAsync(string app, int number, CancellationToken ct = default)
    {
        await using var connection = Open();
        var rows = await Query(
            connection,
            ReleaseColumns + "FROM releases WHERE app = $a AND number = $b",
            ReadRelease,
            ct,
            app,
            number);
        return rows.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReleaseRecord>> ListReleasesAsync(string app, CancellationToken ct = default)
    {
        // Limitation: release records are kept forever and listed whole (only their images are pruned).
        await using var connection = Open();
        return await Query(
            connection,
            ReleaseColumns + "FROM releases WHERE app = $a ORDER BY number DESC",
            ReadRelease,
            ct,
            app);
    }

    /// <inheritdoc />
    public async Task SetReleaseStateAsync(string app, int number, string state, CancellationToken ct = default)
    {
        await using var connection = Open();
        Execute(connection, "UPDATE releases SET state = $c WHERE app = $a AND number = $b", app, number, state);
    }

    /// <inheritdoc />
    public async Task SetCurrentReleaseAsync(string app, int number, CancellationToken ct = default)
    {
        await using var connection = Open();
        Execute(connection, "UPDATE apps SET current_release = $b WHERE name = $a", app, number);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> GetFormationAsync(string app, CancellationToken ct = default)
    {
        await using var connection = Open();
        var rows = await Query(
            connection,
            "SELECT process, quantity FROM formation WHERE app = $a ORDER BY process",
            r => (Process: r.GetString(0), Quantity: r.GetInt32(1)),
            ct,
            app);
        return rows.ToDictionary(r => r.Process, r => r.Quantity, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task SetFormationAsync(
        string app,
        IReadOnlyDictionary<string, int> counts,
        CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        foreach (var (process, quantity) in counts)
        {
            Execute(
                connection,
                "INSERT INTO formation (app, process, quantity) VALUES ($a, $b, $c) " +
                "ON CONFLICT (app, process) DO UPDATE SET quantity = excluded.quantity",
                app,
                process,
                quantity);
        }

        await transaction.CommitAsync(ct);
    }

    /// <inheritdoc />
    public async Task UpsertNodeAsync(NodeRecord node, CancellationToken ct = default)
    {
        await using var connection = Open();
        Execute(
            connection,
            "INSERT INTO nodes (name, address, labels, memory_mb, registered_at) VALUES ($a, $b, $c, $d, $e) " +
            "ON CONFLICT (name) DO UPDATE SET address = excluded.address, labels = excluded.labels, " +
            "memory_mb = excluded.memory_mb, registered_at = excluded.registered_at",
            node.Name,
            node.Address,
            JsonSerializer.Serialize(node.Labels),
            node.MemoryMb,
            node.RegisteredAt.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken ct = default)
    {
        await using var connection = Open();
        return await Query(
            connection,
            "SELECT name, address, labels, memory_mb, registered_at, label_changes FROM nodes ORDER BY name",
            r => new NodeRecord(
                r.GetString(0),
                r.GetString(1),
                NodeLabels.Apply(
                    JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(2)) ?? [],
                    JsonSerializer.Deserialize<Dictionary<string, string?>>(r.GetString(5)) ?? []),
                r.GetInt64(3),
                DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture)),
            ct);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProcessSettings>> GetProcessSettingsAsync(
        string app,
        CancellationToken ct = default)
    {
        await using var connection = Open();
        return await Query(
            connection,
            "SELECT process, quantity, memory_mb, constraints, max_parallel, pinned_release, checks_mode, " +
            "checks_wait, checks_timeout, checks_attempts, stop_timeout FROM formation WHERE app = $a ORDER BY process",
            ReadProcessSettings,
            ct,
            app);
    }

    /// <inheritdoc />
    public async Task SetProcessSettingsAsync(string app, ProcessSettings settings, CancellationToken ct = default)
    {
        await using var connection = Open();
        var checks = settings.Checks;
        Execute(
            connection,
            "INSERT OR REPLACE INTO formation (app, process, quantity, memory_mb, constraints, max_parallel, " +
            "pinned_release, checks_mode, checks_wait, checks_timeout, checks_attempts, stop_timeout) " +
            "VALUES ($a, $b, $c, $d, $e, $f, $g, $h, $i, $j, $k, $l)",
            app,
            settings.Process,
            settings.Quantity,
            settings.MemoryMb,
            JsonSerializer.Serialize(settings.Constraints),
            settings.MaxParallel,
            settings.PinnedRelease,
            HealthCheckModeNames.Format(checks.Mode),
            Seconds(checks.Wait),
            Seconds(checks.Timeout),
            checks.Attempts ?? 0,
            settings.StopTimeoutSeconds);
    }

    /// <inheritdoc />
    public async Task RemoveProcessesAsync(string app, IReadOnlyList<string> processes, CancellationToken ct = default)
    {
        await using var connection = Open();
        foreach (var process in processes)
        {
            Execute(connection, "DELETE FROM formation WHERE app = $a AND process = $b", app, process);
        }
    }

    /// <inheritdoc />
    public async Task SetStoppedAsync(string app, bool stopped, CancellationToken ct = default)
    {
        await using var connection = Open();
        Execute(connection, "UPDATE apps SET stopped = $b WHERE name = $a", app, stopped ? 1 : 0);
    }

    /// <inheritdoc />
    public async Task<bool> LabelNodeAsync(
        string node,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> remove,
        CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        if (await Scalar(connection, "SELECT label_changes FROM nodes WHERE name = $a", ct, node) is not string json)
        {
            return false;
        }

        var changes = JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        NodeLabels.Record(changes, set, remove);
        Execute(
            connection,
            "UPDATE nodes SET label_changes = $b WHERE name = $a",
            node,
            JsonSerializer.Serialize(changes));
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PlacedInstance>> ListAssignmentsAsync(CancellationToken ct = default)
    {
        await using var connection = Open();
        return await Query(
            connection,
            "SELECT app, process, idx, release, node, memory_mb FROM assignments " +
            "ORDER BY app, process, idx, release, node",
            r => new PlacedInstance(
                r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4), r.GetInt64(5)),
            ct);
    }

    /// <inheritdoc />
    public async Task ReplaceAssignmentsAsync(IReadOnlyList<PlacedInstance> assignments, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM assignments");
        foreach (var a in assignments)
        {
            Execute(
                connection,
                "INSERT INTO assignments VALUES ($a, $b, $c, $d, $e, $f)",
                a.App,
                a.Process,
                a.Index,
                a.Release,
                a.Node,
                a.MemoryMb);
        }

        await transaction.CommitAsync(ct);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private async Task<IReadOnlyList<AppRecord>> QueryApps(string where, CancellationToken ct, params object[] args)
    {
        await using var connection = Open();
        return await Query(
            connection,
            $"SELECT name, created_at, current_release, stopped FROM apps {where} ORDER BY name",
            r => new AppRecord(
                r.GetString(0),
                DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
                r.GetInt32(2),
                r.GetInt32(3) != 0),
            ct,
            args);
    }

    private async Task<ConfigSnapshot> ReadConfig(SqliteConnection connection, string app, CancellationToken ct)
    {
        var version = await Scalar(connection, "SELECT config_version FROM apps WHERE name = $a", ct, app);
        var rows = await Query(
            connection,
            "SELECT key, value FROM config_vars WHERE app = $a ORDER BY key",
            r => (Key: r.GetString(0), Value: cipher.Decrypt((byte[])r.GetValue(1))),
            ct,
            app);
        return new ConfigSnapshot(
            Convert.ToInt32(version ?? 0, CultureInfo.InvariantCulture),
            rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal));
    }

    private ReleaseRecord ReadRelease(SqliteDataReader r)
    {
        var json = cipher.Decrypt((byte[])r.GetValue(5));
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return new ReleaseRecord(
            r.GetString(0),
            r.GetInt32(1),
            r.GetString(2),
            r.GetString(3),
            new ConfigSnapshot(r.GetInt32(4), values),
            r.GetString(6),
            r.GetString(7),
            r.GetString(8),
            DateTimeOffset.Parse(r.GetString(9), CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(10)) ?? [],
            new ReleaseSources(r.GetString(11), r.GetString(12)),
            r.GetString(13));
    }

    private static ProcessSettings ReadProcessSettings(SqliteDataReader r)
    {
        var settings = new ProcessSettings(
            r.GetString(0),
            r.GetInt32(1),
            r.GetInt64(2),
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(3)) ?? [],
            r.GetInt32(4),
            r.GetInt32(5));

        // A mode this version does not know (written by a newer one) reads as the default.
        HealthCheckModeNames.TryParse(r.GetString(6), out var mode);
        var checks = new HealthCheckOverrides
        {
            Mode = mode,
            Wait = r.GetInt32(7) > 0 ? TimeSpan.FromSeconds(r.GetInt32(7)) : null,
            Timeout = r.GetInt32(8) > 0 ? TimeSpan.FromSeconds(r.GetInt32(8)) : null,
            Attempts = r.GetInt32(9) > 0 ? r.GetInt32(9) : null,
        };
        return settings with { Checks = checks, StopTimeoutSeconds = r.GetInt32(10) };
    }

    private static int Seconds(TimeSpan? value) => value is { } span ? (int)span.TotalSeconds : 0;

    private static SqliteCommand Command(SqliteConnection connection, string sql, object[] args)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (char)('a' + i), args[i]);
        }

        return command;
    }

    private static int Execute(SqliteConnection connection, string sql, params object[] args)
    {
        using var command = Command(connection, sql, args);
        return command.ExecuteNonQuery();
    }

    private static async Task<object?> Scalar(
        SqliteConnection connection,
        string sql,
        CancellationToken ct,
        params object[] args)
    {
        await using var command = Command(connection, sql, args);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<IReadOnlyList<T>> Query<T>(
        SqliteConnection connection,
        string sql,
        Func<SqliteDataReader, T> read,
        CancellationToken ct,
        params object[] args)
    {
        await using var command = Command(connection, sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

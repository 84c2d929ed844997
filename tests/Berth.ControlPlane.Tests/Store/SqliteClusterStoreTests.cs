using System.Security.Cryptography;
using System.Text;
using Berth.ControlPlane.Security;
using Berth.ControlPlane.Store;
using Berth.Core.Health;
using Microsoft.Data.Sqlite;

namespace Berth.ControlPlane.Tests.Store;

/// <summary>The store contract run on a SQLite file, plus what is particular to SQLite.</summary>
public sealed class SqliteClusterStoreTests : ClusterStoreContractTests, IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly SecretCipher cipher = new(RandomNumberGenerator.GetBytes(32));

    private string DatabasePath => directory.File("berth.db");

    [Fact]
    public async Task UpdateConfig_SecretValue_IsNotInTheDatabaseFilesInPlainText()
    {
        const string secret = "hunter2-Distinctive-Secret-9f8e7d";
        await Store.CreateAppAsync(new AppRecord("shop", Time.GetUtcNow(), 0));

        var config = await Store.UpdateConfigAsync("shop", Vars(("DATABASE_PASSWORD", secret)), []);
        await Store.CreateReleaseAsync(
            "shop", "img", "sha256:1", config, "", "config set DATABASE_PASSWORD", "", new Dictionary<string, string>(),
            ReleaseSources.None);

        Assert.Equal(secret, (await Store.GetReleaseAsync("shop", 1))!.Config.Values["DATABASE_PASSWORD"]);
        var files = Directory.GetFiles(directory.Path, "berth.db*");
        Assert.Contains(files, f => f.EndsWith("berth.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = ReadShared(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), $"{file} holds the secret in UTF-8");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(secret)), $"{file} holds the secret in UTF-16");
        }
    }

    [Fact]
    public async Task Constructor_ExistingFile_ReadsWhatAnEarlierStoreWrote()
    {
        await Store.CreateAppAsync(new AppRecord("shop", Time.GetUtcNow(), 0));
        await Store.UpdateConfigAsync("shop", Vars(("A", "kept")), []);
        await CreateReleaseAsync("shop");

        var reopened = new SqliteClusterStore(DatabasePath, cipher, Time);

        Assert.NotNull(await reopened.GetAppAsync("shop"));
        Assert.Equal("kept", (await reopened.GetConfigAsync("shop")).Values["A"]);
        Assert.Equal(2, await reopened.NextReleaseNumberAsync("shop"));
    }

    [Fact]
    public async Task Constructor_StoreFromBeforeChecks_GainsTheColumnsWithDefaults()
    {
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE releases (
                    app TEXT NOT NULL, number INTEGER NOT NULL, image TEXT NOT NULL, digest TEXT NOT NULL,
                    config_version INTEGER NOT NULL, config BLOB NOT NULL, git_revision TEXT NOT NULL,
                    description TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL,
                    processes TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (app, number));
                CREATE TABLE formation (
                    app TEXT NOT NULL, process TEXT NOT NULL, quantity INTEGER NOT NULL,
                    memory_mb INTEGER NOT NULL DEFAULT 0, constraints TEXT NOT NULL DEFAULT '{}',
                    max_parallel INTEGER NOT NULL DEFAULT 1, pinned_release INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (app, process));
                INSERT INTO formation (app, process, quantity) VALUES ('shop', 'web', 2);
                """;
            command.ExecuteNonQuery();
        }

        await Store.CreateAppAsync(new AppRecord("shop", Time.GetUtcNow(), 0));
        await CreateReleaseAsync("shop");

        var web = Assert.Single(await Store.GetProcessSettingsAsync("shop"));
        Assert.Equal((2, HealthCheckOverrides.None, 30), (web.Quantity, web.Checks, web.StopTimeoutSeconds));
        Assert.Equal(ReleaseSources.None, (await Store.GetReleaseAsync("shop", 1))!.Sources);
    }

    [Fact]
    public async Task GetConfig_OtherKey_CannotReadTheValues()
    {
        await Store.CreateAppAsync(new AppRecord("shop", Time.GetUtcNow(), 0));
        await Store.UpdateConfigAsync("shop", Vars(("A", "secret")), []);

        var stolen = new SqliteClusterStore(DatabasePath, new SecretCipher(RandomNumberGenerator.GetBytes(32)), Time);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => stolen.GetConfigAsync("shop"));
    }

    public void Dispose() => directory.Dispose();

    protected override IClusterStore CreateStore() => new SqliteClusterStore(DatabasePath, cipher, Time);

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

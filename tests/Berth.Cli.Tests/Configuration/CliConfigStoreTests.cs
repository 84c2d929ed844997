using Berth.Cli.Configuration;
using Berth.Cli.Errors;
using Berth.Cli.Tests.Support;

namespace Berth.Cli.Tests.Configuration;

public sealed class CliConfigStoreTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void Save_ThenLoad_RoundTrips()
    {
        var store = new CliConfigStore(directory.Combine("berth", "cli.json"));
        var config = new CliConfig("http://127.0.0.1:7000", "token", "http://127.0.0.1:7001/git");

        store.Save(config);

        Assert.Equal(config, store.Load());
    }

    [Fact]
    public void Save_NewFile_IsReadableByOwnerOnly()
    {
        var store = new CliConfigStore(directory.Combine("berth", "cli.json"));

        store.Save(new CliConfig("http://127.0.0.1:7000", "token"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(store.Path)!));
    }

    [Fact]
    public void Save_OverExistingLooseFile_TightensModeAndReplacesContent()
    {
        var path = directory.Combine("cli.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var store = new CliConfigStore(path);

        store.Save(new CliConfig("http://127.0.0.1:7000", "new-token"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("new-token", store.Load()!.Token);
        Assert.Single(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Save_Json_UsesLowerCaseNames()
    {
        var store = new CliConfigStore(directory.Combine("cli.json"));

        store.Save(new CliConfig("http://127.0.0.1:7000", "token"));

        var json = File.ReadAllText(store.Path);
        Assert.Contains("\"url\": \"http://127.0.0.1:7000\"", json, StringComparison.Ordinal);
        Assert.Contains("\"token\": \"token\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoFile_ReturnsNull()
    {
        Assert.Null(new CliConfigStore(directory.Combine("missing.json")).Load());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"url\":\"http://x\"}")]
    [InlineData("null")]
    public void Load_BrokenFile_SaysToLogInAgain(string content)
    {
        var path = directory.Combine("cli.json");
        File.WriteAllText(path, content);

        var exception = Assert.Throws<CliException>(() => new CliConfigStore(path).Load());

        Assert.Contains("run berth login again", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithoutGitUrl_HasNullGitUrl()
    {
        var path = directory.Combine("cli.json");
        File.WriteAllText(path, "{\"url\":\"http://127.0.0.1:7000\",\"token\":\"t\"}");

        Assert.Equal(new CliConfig("http://127.0.0.1:7000", "t"), new CliConfigStore(path).Load());
    }

    public void Dispose() => directory.Dispose();
}

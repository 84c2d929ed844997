using System.CommandLine;
using Berth.Cli.Configuration;
using Berth.Cli.Git;
using Microsoft.Extensions.Time.Testing;

namespace Berth.Cli.Tests.Support;

/// <summary>
/// Runs the CLI in process against a fake control plane, a temp config file, a temp working
/// directory and real git, capturing everything it writes.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public const string Url = "http://127.0.0.1:7000";

    public const string Token = "s3cret-token";

    private readonly TempDirectory directory = new();

    public CliHarness()
    {
        Variables[CliConfigPath.ConfigVariable] = ConfigPath;
        Directory.CreateDirectory(WorkingDirectory);
    }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>The clock the commands read: 2025-06-01 12:00:00 UTC until a test moves it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public FakeBerthApiFactory Factory { get; } = new();

    public FakeBerthApi Api => Factory.Api;

    public RecordingOutput Output { get; private set; } = new();

    public StringWriter Help { get; private set; } = new();

    public string Input { get; set; } = "";

    public string ConfigPath => directory.Combine("config", "cli.json");

    public string WorkingDirectory => directory.Combine("work");

    public string Root => directory.Path;

    public string ProcessPath { get; set; } = "/usr/bin/dotnet";

    public string AssemblyPath { get; set; } = "/opt/berth/berth.dll";

    public CliEnvironment Environment => new(
        name => Variables.GetValueOrDefault(name),
        directory.Combine("home"),
        WorkingDirectory,
        ProcessPath,
        AssemblyPath,
        Actor);

    /// <summary>Who this CLI says it is.</summary>
    public const string Actor = "alice@laptop";

    /// <summary>Saves a login as <c>berth login</c> would.</summary>
    public void LogIn(string? gitBaseUrl = "http://127.0.0.1:7001/git") =>
        new CliConfigStore(ConfigPath).Save(new CliConfig(Url, Token, gitBaseUrl));

    public ParseResult Parse(params string[] arguments) => CreateApplication().Parse(arguments);

    /// <summary>Runs one command line with fresh output capture; returns the exit code.</summary>
    public async Task<int> RunAsync(params string[] arguments)
    {
        Output = new RecordingOutput();
        Help = new StringWriter();

        return await CreateApplication().RunAsync(arguments);
    }

    public void Dispose() => directory.Dispose();

    private CliApplication CreateApplication()
    {
        var context = new CliContext(
            Output,
            Environment,
            Factory,
            new GitProcessRunner(),
            new StringReader(Input),
            Time);
        return new CliApplication(context, Help, Help);
    }
}

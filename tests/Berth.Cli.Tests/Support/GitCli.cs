using System.Diagnostics;

namespace Berth.Cli.Tests.Support;

/// <summary>Runs real git for test setup and checks, with optional input and environment.</summary>
internal static class GitCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        string input = "",
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        return (process.ExitCode, await output, await error);
    }

    public static async Task<string> OutputAsync(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output, error) = await RunAsync(workingDirectory, arguments);
        Assert.True(exitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");

        return output.TrimEnd('\n');
    }

    public static Task InitAsync(string directory) => OutputAsync(directory, "init", "--quiet");
}

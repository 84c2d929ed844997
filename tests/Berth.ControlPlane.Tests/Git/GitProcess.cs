using System.Diagnostics;

namespace Berth.ControlPlane.Tests.Git;

/// <summary>Runs git (or another command) for a test and returns its exit code and output.</summary>
internal static class GitProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        string file,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static async Task<string> GitAsync(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(workingDirectory, null, "git", arguments);
        Assert.True(exitCode == 0, $"git {string.Join(' ', arguments)} failed: {output}");
        return output.Trim();
    }
}

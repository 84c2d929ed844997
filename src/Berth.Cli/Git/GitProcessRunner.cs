using System.ComponentModel;
using System.Diagnostics;
using Berth.Cli.Errors;

namespace Berth.Cli.Git;

/// <summary>Runs the <c>git</c> found on PATH, with arguments passed as a list (no shell).</summary>
internal sealed class GitProcessRunner : IGitRunner
{
    /// <inheritdoc />
    public async Task<GitResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(workingDirectory, arguments) };
        Start(process);

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        return new GitResult(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // git's own messages are matched in English nowhere, but keep them predictable.
        startInfo.Environment["LC_ALL"] = "C";
        return startInfo;
    }

    private static void Start(Process process)
    {
        try
        {
            process.Start();
            process.StandardInput.Close();
        }
        catch (Win32Exception exception)
        {
            throw new CliException("git could not be started; install git and make sure it is on PATH", exception);
        }
    }
}

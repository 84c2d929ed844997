using System.Diagnostics;

namespace Berth.ControlPlane.Git;

/// <summary>Runs a short command to completion and returns what it printed.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file,
        IEnumerable<string> arguments,
        CancellationToken ct)
    {
        var (exitCode, output, errors) = await RunForBytesAsync(file, arguments, ct);
        return (exitCode, System.Text.Encoding.UTF8.GetString(output) + errors);
    }

    /// <summary>Runs a command whose standard output is binary; returns it and the error text.</summary>
    public static async Task<(int ExitCode, byte[] Output, string Errors)> RunForBytesAsync(
        string file,
        IEnumerable<string> arguments,
        CancellationToken ct)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {file}");
        using var output = new MemoryStream();
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(output, ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await stdout;
        return (process.ExitCode, output.ToArray(), await stderr);
    }
}

namespace Berth.Cli.Git;

/// <summary>How one git command ended.</summary>
/// <param name="ExitCode">git's exit code.</param>
/// <param name="Output">What it wrote to standard output.</param>
/// <param name="Error">What it wrote to standard error.</param>
internal sealed record GitResult(int ExitCode, string Output, string Error)
{
    /// <summary>True when git exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}

namespace Berth.Cli.Git;

/// <summary>Runs git commands.</summary>
internal interface IGitRunner
{
    /// <summary>Runs <c>git ARGUMENTS</c> in <paramref name="workingDirectory"/> and waits for it.</summary>
    Task<GitResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken);
}

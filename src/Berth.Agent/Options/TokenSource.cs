namespace Berth.Agent.Options;

/// <summary>
/// Where the cluster token comes from: a file (<c>--token-file</c>) or the command line
/// (<c>--token</c>). Exactly one of the two is set. The value never appears in
/// <see cref="ToString"/>, so the options can be logged.
/// </summary>
/// <param name="FilePath">The file holding the token, or null.</param>
/// <param name="Value">The token itself, or null.</param>
internal sealed record TokenSource(string? FilePath, string? Value)
{
    /// <inheritdoc />
    public override string ToString() =>
        FilePath is null ? "token given on the command line" : $"token file {FilePath}";
}

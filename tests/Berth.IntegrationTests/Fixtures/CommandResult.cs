namespace Berth.IntegrationTests.Fixtures;

/// <summary>What a command printed and how it exited.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>Everything it printed, both streams.</summary>
    public string All => Output + Error;

    /// <summary>Throws with the whole output unless the command succeeded.</summary>
    public CommandResult EnsureSuccess(string what)
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{All}");
        }

        return this;
    }
}

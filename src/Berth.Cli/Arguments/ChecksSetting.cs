namespace Berth.Cli.Arguments;

/// <summary>
/// What <c>checks:set</c> changes on a process type's health checks, in the API's terms:
/// <see cref="Leave"/> leaves a setting, 0 clears it (each check's own value applies again), and a
/// positive number sets it.
/// </summary>
/// <param name="WaitSeconds">Seconds between attempts.</param>
/// <param name="TimeoutSeconds">Seconds one attempt may take.</param>
/// <param name="Attempts">How many times each check is tried.</param>
internal sealed record ChecksSetting(
    int WaitSeconds = ChecksSetting.Leave,
    int TimeoutSeconds = ChecksSetting.Leave,
    int Attempts = ChecksSetting.Leave)
{
    /// <summary>The value that leaves a setting as it is.</summary>
    public const int Leave = -1;

    /// <summary>The value that clears a setting.</summary>
    public const int Clear = 0;
}

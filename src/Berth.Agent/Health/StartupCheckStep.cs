using Berth.Core.Health;

namespace Berth.Agent.Health;

/// <summary>What the startup check driver does next, as decided by <see cref="StartupCheckRun.Next"/>.</summary>
internal abstract record StartupCheckStep
{
    /// <summary>Nothing until <paramref name="Until"/>.</summary>
    /// <param name="Until">When the next attempt is due.</param>
    public sealed record Wait(DateTimeOffset Until) : StartupCheckStep;

    /// <summary>Make attempt <paramref name="Number"/> of <paramref name="Check"/>.</summary>
    /// <param name="Check">The check.</param>
    /// <param name="Number">The attempt, from 1.</param>
    public sealed record Attempt(HealthCheck Check, int Number) : StartupCheckStep;

    /// <summary>The run ended; its state says how.</summary>
    public sealed record Finished : StartupCheckStep;
}

namespace Berth.Agent.Connection;

/// <summary>How long the agent waits before dialling the control plane again.</summary>
internal static class ReconnectBackoff
{
    /// <summary>The wait after the first failure.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait after ordinary failures.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the control plane rejected the token: a person has to act first.</summary>
    public static readonly TimeSpan AfterRejectedToken = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The wait after <paramref name="failures"/> failures in a row (at least 1): doubles from
    /// <see cref="Initial"/> up to <see cref="Max"/>.
    /// </summary>
    public static TimeSpan Delay(int failures)
    {
        var doublings = Math.Clamp(failures - 1, 0, 16);
        var delay = Initial * Math.Pow(2, doublings);

        return delay < Max ? delay : Max;
    }
}

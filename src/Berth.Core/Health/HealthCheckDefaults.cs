using Berth.Core.Processes;

namespace Berth.Core.Health;

/// <summary>
/// The settings a health check has when nothing says otherwise (app.json's defaults, which Dokku also
/// gives a converted CHECKS file), and the checks a process type gets when it has none of its own.
/// </summary>
public static class HealthCheckDefaults
{
    /// <summary>How many times a check is tried when nothing says.</summary>
    public const int Attempts = 3;

    /// <summary>The name of the default check that a <c>web</c> instance's port accepts connections.</summary>
    public const string ListeningName = "default-listening";

    /// <summary>The name of the default check that an instance stays up for <see cref="SettleTime"/>.</summary>
    public const string UptimeName = "default-uptime";

    /// <summary>
    /// How many times the default listening check tries the port, one second apart: a minute in all,
    /// Heroku's time for a web process to bind its PORT.
    /// </summary>
    public const int ListeningAttempts = 60;

    /// <summary>How long one attempt may take when nothing says.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait between attempts when nothing says.</summary>
    public static TimeSpan Wait { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after the instance starts the first attempt is made when nothing says.</summary>
    public static TimeSpan InitialDelay { get; } = TimeSpan.Zero;

    /// <summary>How long an instance must stay up, without restarting, when it has no checks of its own.</summary>
    public static TimeSpan SettleTime { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The timeout of one attempt of the default listening check, and its wait between attempts.</summary>
    public static TimeSpan ListeningInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The checks of a process type that has none of its own: for <c>web</c>, its PORT accepts
    /// connections, then (for every type) the instance stays up for <see cref="SettleTime"/> since it
    /// started, without restarting.
    /// </summary>
    public static IReadOnlyList<HealthCheck> ChecksFor(string process)
    {
        var settle = HealthCheck.ForUptime(UptimeName, SettleTime);
        if (process != ProcessType.Web)
        {
            return [settle];
        }

        var listening = HealthCheck.ForListening(ListeningName) with
        {
            Attempts = ListeningAttempts,
            Timeout = ListeningInterval,
            Wait = ListeningInterval,
        };
        return [listening, settle];
    }
}

namespace Berth.Core.Health;

/// <summary>
/// The words that stand for a <see cref="HealthCheckMode"/> in the API, the CLI and the store:
/// <c>enabled</c>, <c>skipped</c> and <c>disabled</c>.
/// </summary>
public static class HealthCheckModeNames
{
    /// <summary>The word for <see cref="HealthCheckMode.Enabled"/>.</summary>
    public const string Enabled = "enabled";

    /// <summary>The word for <see cref="HealthCheckMode.Skipped"/>.</summary>
    public const string Skipped = "skipped";

    /// <summary>The word for <see cref="HealthCheckMode.Disabled"/>.</summary>
    public const string Disabled = "disabled";

    /// <summary>Every word, in the order the modes are declared, for messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Enabled, Skipped, Disabled];

    /// <summary>The word for <paramref name="mode"/>.</summary>
    public static string Format(HealthCheckMode mode) => mode switch
    {
        HealthCheckMode.Skipped => Skipped,
        HealthCheckMode.Disabled => Disabled,
        _ => Enabled,
    };

    /// <summary>The mode <paramref name="word"/> stands for (exactly, lower case); false for any other word.</summary>
    public static bool TryParse(string word, out HealthCheckMode mode)
    {
        (var known, mode) = word switch
        {
            Enabled => (true, HealthCheckMode.Enabled),
            Skipped => (true, HealthCheckMode.Skipped),
            Disabled => (true, HealthCheckMode.Disabled),
            _ => (false, HealthCheckMode.Enabled),
        };
        return known;
    }
}

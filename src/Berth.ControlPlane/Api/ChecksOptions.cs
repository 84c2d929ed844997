using System.Globalization;
using Berth.Contracts;
using Berth.Core.Health;

namespace Berth.ControlPlane.Api;

/// <summary>
/// Applies a checks:* request (<see cref="SetChecksRequest"/>) to a process type's health check
/// overrides, collecting every error. A number of -1 leaves its setting, 0 clears it (the checks'
/// own value applies again), more sets it within <see cref="HealthCheckLimits"/>.
/// </summary>
internal static class ChecksOptions
{
    /// <summary>The request's value that leaves a setting as it is.</summary>
    public const int Leave = -1;

    /// <summary>Every error of the request's mode and numbers; none when it can be applied.</summary>
    public static List<string> Validate(SetChecksRequest request)
    {
        var errors = new List<string>();
        if (request.Mode.Length > 0 && !HealthCheckModeNames.TryParse(request.Mode, out _))
        {
            errors.Add(
                $"'{request.Mode}' is not a checks mode; use {string.Join(", ", HealthCheckModeNames.All)}.");
        }

        Check("wait", request.WaitSeconds, HealthCheckLimits.MinSeconds, HealthCheckLimits.MaxSeconds, errors);
        Check("timeout", request.TimeoutSeconds, HealthCheckLimits.MinSeconds, HealthCheckLimits.MaxSeconds, errors);
        Check("attempts", request.Attempts, HealthCheckLimits.MinAttempts, HealthCheckLimits.MaxAttempts, errors);
        return errors;
    }

    /// <summary><paramref name="current"/> with the request applied; the request must be valid.</summary>
    public static HealthCheckOverrides Apply(HealthCheckOverrides current, SetChecksRequest request)
    {
        var mode = current.Mode;
        if (request.Mode.Length > 0)
        {
            HealthCheckModeNames.TryParse(request.Mode, out mode);
        }

        return current with
        {
            Mode = mode,
            Wait = Seconds(request.WaitSeconds, current.Wait),
            Timeout = Seconds(request.TimeoutSeconds, current.Timeout),
            Attempts = request.Attempts switch
            {
                Leave => current.Attempts,
                0 => null,
                var n => n,
            },
        };
    }

    private static TimeSpan? Seconds(int value, TimeSpan? current) => value switch
    {
        Leave => current,
        0 => null,
        var n => TimeSpan.FromSeconds(n),
    };

    private static void Check(string name, int value, int minimum, int maximum, List<string> errors)
    {
        if (value is Leave or 0 || (value >= minimum && value <= maximum))
        {
            return;
        }

        var unit = name == "attempts" ? "" : " of seconds";
        errors.Add(
            $"{name} {value.ToString(CultureInfo.InvariantCulture)} is out of range: give a whole number{unit} " +
            $"from {minimum} to {maximum}, or 0 to clear it.");
    }
}

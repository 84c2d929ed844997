using System.Globalization;
using Berth.Core.Validation;

namespace Berth.Core.Health;

/// <summary>
/// Reads the legacy <c>CHECKS</c> file as Dokku reads it since it turned the file into app.json health
/// checks: startup HTTP checks of <c>web</c>, one per line, each a path and optionally the text the
/// response must contain; <c>WAIT=</c>, <c>TIMEOUT=</c> and <c>ATTEMPTS=</c> lines set the wait between
/// attempts, the timeout of one attempt (both in seconds) and the number of attempts of every check,
/// wherever they stand in the file; from a <c>#</c> to the end of a line is a comment; blank lines are
/// ignored. Every bad line is reported with its number.
/// </summary>
/// <remarks>
/// <para>A check's target is <c>/path</c>, <c>//host/path</c> (the request carries <c>Host: host</c>),
/// or either prefixed with <c>http:</c> or <c>https:</c> to choose the scheme. The expected text is the
/// rest of the line after the first blank, trimmed, matched as plain text (not a pattern), and cannot
/// hold a <c>#</c>. Checks are named <c>check-1</c>, <c>check-2</c>... in file order.</para>
/// <para>A setting the file leaves out has app.json's default (3 attempts, 5 s timeout, 5 s wait), as
/// in Dokku since the conversion, not the old script's 5 attempts and 30 s timeout. A setting given
/// twice, a setting Berth does not know and <c>ATTEMPTS=0</c> (the old way to skip checks; use
/// <c>checks:skip</c>) are errors rather than silently taken.</para>
/// </remarks>
public static class ChecksFile
{
    /// <summary>The file name Dokku looks for at the root of the app's source.</summary>
    public const string FileName = "CHECKS";

    private const string Attempts = "ATTEMPTS";

    private const string Timeout = "TIMEOUT";

    private const string Wait = "WAIT";

    /// <summary>
    /// Parses the text of a CHECKS file into its checks, in file order; a file with settings but no
    /// check gives none. Line endings may be LF or CRLF; a leading byte order mark is ignored.
    /// </summary>
    public static ValidationResult<IReadOnlyList<HealthCheck>> Parse(string text)
    {
        var checks = new List<HealthCheck>();
        var settings = new Dictionary<string, (int Line, int Value)>(StringComparer.Ordinal);
        var errors = new List<string>();

        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            ReadLine(StripComment(lines[index]), index + 1, checks, settings, errors);
        }

        if (errors.Count > 0)
        {
            return ValidationResult<IReadOnlyList<HealthCheck>>.Fail(errors);
        }

        var overrides = ToOverrides(settings);
        return ValidationResult<IReadOnlyList<HealthCheck>>.Ok(checks.Select(overrides.ApplyTo).ToList());
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    private static void ReadLine(
        string line,
        int number,
        List<HealthCheck> checks,
        Dictionary<string, (int Line, int Value)> settings,
        List<string> errors)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (ChecksFileTarget.IsTarget(line))
        {
            var check = ChecksFileTarget.Read(line, number, $"check-{checks.Count + 1}", errors);
            if (check is not null)
            {
                checks.Add(check);
            }

            return;
        }

        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && IsSettingName(line[..equals].TrimEnd()))
        {
            ReadSetting(line[..equals].TrimEnd(), line[(equals + 1)..].Trim(), number, settings, errors);
            return;
        }

        errors.Add(
            $"CHECKS line {number}: '{line}' is neither a check nor a setting; a check is a path such as "
            + "'/health', optionally followed by the text the page must contain, and a setting is WAIT=, "
            + "TIMEOUT= or ATTEMPTS=.");
    }

    private static bool IsSettingName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static void ReadSetting(
        string name,
        string value,
        int number,
        Dictionary<string, (int Line, int Value)> settings,
        List<string> errors)
    {
        if (name is not (Wait or Timeout or Attempts))
        {
            errors.Add(
                $"CHECKS line {number}: '{name}' is not a setting Berth knows; the settings are WAIT, TIMEOUT "
                + "and ATTEMPTS, in capitals, e.g. 'WAIT=10'.");
            return;
        }

        if (settings.TryGetValue(name, out var first))
        {
            errors.Add($"CHECKS line {number}: {name} is already set on line {first.Line}; keep one.");
            return;
        }

        var (minimum, maximum, unit) = name == Attempts
            ? (HealthCheckLimits.MinAttempts, HealthCheckLimits.MaxAttempts, string.Empty)
            : (HealthCheckLimits.MinSeconds, HealthCheckLimits.MaxSeconds, " of seconds");
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            || parsed < minimum
            || parsed > maximum)
        {
            errors.Add(DescribeBadValue(name, value, number, minimum, maximum, unit));
            return;
        }

        settings.Add(name, (number, parsed));
    }

    private static string DescribeBadValue(
        string name,
        string value,
        int number,
        int minimum,
        int maximum,
        string unit)
    {
        var error = $"CHECKS line {number}: {name} must be a whole number{unit} from {minimum} to {maximum}; "
            + $"it is '{value}'.";
        return name == Attempts && value == "0"
            ? error[..^1] + "; to deploy without checks, run checks:skip instead."
            : error;
    }

    private static HealthCheckOverrides ToOverrides(Dictionary<string, (int Line, int Value)> settings) => new()
    {
        Wait = settings.TryGetValue(Wait, out var wait) ? TimeSpan.FromSeconds(wait.Value) : null,
        Timeout = settings.TryGetValue(Timeout, out var timeout) ? TimeSpan.FromSeconds(timeout.Value) : null,
        Attempts = settings.TryGetValue(Attempts, out var attempts) ? attempts.Value : null,
    };
}

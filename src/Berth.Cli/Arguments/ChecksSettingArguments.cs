using System.Globalization;
using Berth.Core.Health;
using Berth.Core.Validation;

namespace Berth.Cli.Arguments;

/// <summary>
/// Parses the settings of <c>checks:set APP [TYPE] SETTING...</c>: <c>wait=SECONDS</c>,
/// <c>timeout=SECONDS</c> and <c>attempts=N</c>, several in one call, each at most once; an empty value
/// (<c>wait=</c>) clears the setting so each check's own value applies again.
/// </summary>
internal static class ChecksSettingArguments
{
    /// <summary>The seconds between two attempts of a check.</summary>
    public const string Wait = "wait";

    /// <summary>The seconds one attempt may take.</summary>
    public const string Timeout = "timeout";

    /// <summary>How many times each check is tried.</summary>
    public const string Attempts = "attempts";

    private const string Usage = "wait=SECONDS, timeout=SECONDS or attempts=N (an empty value such as wait= clears it)";

    /// <summary>True when <paramref name="word"/> reads as a setting (it holds '='), not as a process type.</summary>
    public static bool IsSetting(string word) => word.Contains('=', StringComparison.Ordinal);

    /// <summary>Parses <paramref name="words"/>, reporting every error found.</summary>
    public static ValidationResult<ChecksSetting> Parse(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return ValidationResult<ChecksSetting>.Fail($"no setting was given; give {Usage}.");
        }

        var errors = new List<string>();
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            Read(word, values, errors);
        }

        if (errors.Count > 0)
        {
            return ValidationResult<ChecksSetting>.Fail(errors);
        }

        return ValidationResult<ChecksSetting>.Ok(new ChecksSetting(
            values.GetValueOrDefault(Wait, ChecksSetting.Leave),
            values.GetValueOrDefault(Timeout, ChecksSetting.Leave),
            values.GetValueOrDefault(Attempts, ChecksSetting.Leave)));
    }

    private static void Read(string word, Dictionary<string, int> values, List<string> errors)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            errors.Add($"'{word}' is not a setting; write NAME=VALUE, e.g. wait=5.");
            return;
        }

        var name = word[..equals];
        var text = word[(equals + 1)..];
        if (name is not (Wait or Timeout or Attempts))
        {
            errors.Add($"'{name}' is not a setting of checks:set; give {Usage}.");
            return;
        }

        if (values.ContainsKey(name))
        {
            errors.Add($"{name} is given twice; give it once.");
            return;
        }

        var value = ParseValue(name, text, errors);
        if (value is not null)
        {
            values[name] = value.Value;
        }
    }

    private static int? ParseValue(string name, string text, List<string> errors)
    {
        if (text.Length == 0)
        {
            return ChecksSetting.Clear;
        }

        var (minimum, maximum, unit) = name == Attempts
            ? (HealthCheckLimits.MinAttempts, HealthCheckLimits.MaxAttempts, "")
            : (HealthCheckLimits.MinSeconds, HealthCheckLimits.MaxSeconds, " of seconds");
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= minimum
            && value <= maximum)
        {
            return value;
        }

        var clear = text == "0" ? $"; to clear it, write {name}= with nothing after" : "";
        errors.Add($"{name} '{text}' is not a whole number{unit} from {minimum} to {maximum}{clear}; " +
            $"give e.g. {name}={(name == Attempts ? 5 : 10)}.");
        return null;
    }
}

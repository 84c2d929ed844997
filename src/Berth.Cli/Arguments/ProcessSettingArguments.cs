using System.Globalization;
using Berth.Core.Placement;
using Berth.Core.Processes;
using Berth.Core.Validation;

namespace Berth.Cli.Arguments;

/// <summary>
/// Parses the words after <c>ps:set APP TYPE</c>, one setting per call as in Dokku:
/// <c>constraint [KEY=VALUE ...]</c> (none clears them), <c>memory=SIZE</c> or <c>memory SIZE</c>,
/// <c>max-parallel=N</c> or <c>max-parallel N</c>, and <c>stop-timeout=N</c> or <c>stop-timeout N</c>
/// (seconds).
/// </summary>
internal static class ProcessSettingArguments
{
    /// <summary>The setting that replaces a process type's constraints.</summary>
    public const string Constraint = "constraint";

    /// <summary>The setting that sets a process type's memory reservation.</summary>
    public const string Memory = "memory";

    /// <summary>The setting that sets how many instances a rolling deployment replaces at a time.</summary>
    public const string MaxParallel = "max-parallel";

    /// <summary>The setting that sets the seconds between SIGTERM and SIGKILL when an instance stops.</summary>
    public const string StopTimeout = "stop-timeout";

    /// <summary>The settings, for messages.</summary>
    private const string Settings = "constraint KEY=VALUE ..., memory=SIZE, max-parallel=N or stop-timeout=SECONDS";

    /// <summary>The largest max-parallel accepted, the same as the largest formation count.</summary>
    public const int MaxParallelLimit = FormationArguments.MaxCount;

    /// <summary>Parses <paramref name="words"/>, reporting every error found.</summary>
    public static ValidationResult<ProcessSetting> Parse(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return ValidationResult<ProcessSetting>.Fail(
                "no setting was given; give " + Settings + ".");
        }

        if (words[0] == Constraint)
        {
            return ParseConstraints(words.Skip(1));
        }

        var (name, value, error) = SplitNameAndValue(words);
        if (error is not null)
        {
            return ValidationResult<ProcessSetting>.Fail(error);
        }

        return name switch
        {
            Memory => ParseMemory(value),
            MaxParallel => ParseMaxParallel(value),
            StopTimeout => ParseStopTimeout(value),
            Constraint => ValidationResult<ProcessSetting>.Fail(
                $"write the constraints after a space, e.g. constraint {words[0][(Constraint.Length + 1)..]}."),
            _ => ValidationResult<ProcessSetting>.Fail(
                $"'{name}' is not a setting of ps:set; give {Settings}."),
        };
    }

    private static (string Name, string Value, string? Error) SplitNameAndValue(IReadOnlyList<string> words)
    {
        var equals = words[0].IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? words[0] : words[0][..equals];
        var values = equals < 0 ? words.Skip(1).ToList() : [words[0][(equals + 1)..], .. words.Skip(1)];

        if (name is not (Memory or MaxParallel or StopTimeout))
        {
            return (name, "", null);
        }

        if (values.Count == 0)
        {
            return (name, "", $"{name} needs a value, e.g. {Example(name)}.");
        }

        return values.Count > 1
            ? (name, "", $"ps:set changes one setting at a time; '{values[1]}' is one word too many after {name}.")
            : (name, values[0], null);
    }

    private static ValidationResult<ProcessSetting> ParseConstraints(IEnumerable<string> pairs)
    {
        var labels = LabelArguments.ParsePairs(pairs);

        return labels.IsValid
            ? ValidationResult<ProcessSetting>.Ok(new ProcessSetting(Constraints: labels.Value))
            : ValidationResult<ProcessSetting>.Fail(labels.Errors);
    }

    private static ValidationResult<ProcessSetting> ParseMemory(string text)
    {
        var memory = MemoryAmount.Parse(text);

        return memory.IsValid
            ? ValidationResult<ProcessSetting>.Ok(new ProcessSetting(MemoryMb: memory.Value))
            : ValidationResult<ProcessSetting>.Fail(memory.Errors);
    }

    private static ValidationResult<ProcessSetting> ParseMaxParallel(string text)
    {
        var parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count);
        if (parsed && count is >= 1 and <= MaxParallelLimit)
        {
            return ValidationResult<ProcessSetting>.Ok(new ProcessSetting(MaxParallel: count));
        }

        return ValidationResult<ProcessSetting>.Fail(
            $"max-parallel '{text}' is not a whole number from 1 to {MaxParallelLimit}; give e.g. max-parallel=2.");
    }

    private static ValidationResult<ProcessSetting> ParseStopTimeout(string text)
    {
        var parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds);
        if (parsed && StopTimeoutLimits.IsValid(seconds))
        {
            return ValidationResult<ProcessSetting>.Ok(new ProcessSetting(StopTimeoutSeconds: seconds));
        }

        return ValidationResult<ProcessSetting>.Fail(
            $"stop-timeout '{text}' is not a whole number of seconds from {StopTimeoutLimits.MinSeconds} to " +
            $"{StopTimeoutLimits.MaxSeconds}; give e.g. stop-timeout=60.");
    }

    private static string Example(string name) => name switch
    {
        Memory => "memory=256m",
        StopTimeout => "stop-timeout=60",
        _ => "max-parallel=2",
    };
}

using System.Globalization;
using Berth.Core.Validation;

namespace Berth.Cli.Arguments;

/// <summary>
/// The memory of <c>ps:set APP TYPE memory=SIZE</c>: a whole number with a unit k, m or g
/// (any case; 1024-based, as Docker reads them), or 0 to remove the reservation. The amount
/// must be a whole number of MiB, from Docker's minimum of 6 MiB to 1 TiB.
/// </summary>
internal static class MemoryAmount
{
    /// <summary>The smallest reservation Docker accepts as a container limit, in MiB.</summary>
    public const long MinimumMb = 6;

    /// <summary>The largest reservation accepted, in MiB (1 TiB).</summary>
    public const long MaximumMb = 1024 * 1024;

    private const long KibPerMib = 1024;

    /// <summary>Parses <paramref name="text"/> into MiB; 0 means no reservation.</summary>
    public static ValidationResult<long> Parse(string text)
    {
        if (text == "0")
        {
            return ValidationResult<long>.Ok(0);
        }

        if (text.Length < 2 || !text[..^1].All(char.IsAsciiDigit) || UnitKib(text[^1]) is not { } unitKib)
        {
            return ValidationResult<long>.Fail(
                $"'{text}' is not a memory amount; give a whole number with a unit k, m or g, " +
                "e.g. 256m or 1g, or 0 to remove the reservation.");
        }

        return Check(text, text[..^1], unitKib);
    }

    /// <summary>The form sent to the control plane: <c>256m</c>, or <c>0</c> for none.</summary>
    public static string Format(long megabytes) =>
        megabytes == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{megabytes}m");

    private static ValidationResult<long> Check(string text, string digits, long unitKib)
    {
        var parsed = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount);
        if (parsed && amount == 0)
        {
            return ValidationResult<long>.Ok(0);
        }

        if (!parsed || amount > MaximumMb * KibPerMib / unitKib)
        {
            return ValidationResult<long>.Fail($"memory '{text}' is more than 1 TiB; give a smaller amount.");
        }

        var kib = amount * unitKib;
        if (kib % KibPerMib != 0)
        {
            return ValidationResult<long>.Fail(
                $"memory '{text}' is not a whole number of MiB; give it in m or g, e.g. 256m.");
        }

        return kib / KibPerMib < MinimumMb
            ? ValidationResult<long>.Fail(
                $"memory '{text}' is below Docker's minimum of {MinimumMb}m; give at least {MinimumMb}m, " +
                "or 0 to remove the reservation.")
            : ValidationResult<long>.Ok(kib / KibPerMib);
    }

    private static long? UnitKib(char unit) => char.ToLowerInvariant(unit) switch
    {
        'k' => 1,
        'm' => KibPerMib,
        'g' => KibPerMib * KibPerMib,
        _ => null,
    };
}

using System.Globalization;
using Berth.Core.Validation;

namespace Berth.Core.Processes;

/// <summary>Parses memory sizes as users write them (<c>256m</c>, <c>1g</c>, <c>512k</c>) into MiB.</summary>
public static class MemorySize
{
    /// <summary>The largest size accepted: 1 TiB.</summary>
    public const long MaxMb = 1024 * 1024;

    /// <summary>Parses <paramref name="text"/>; a bare number is MiB, and 0 means no reservation.</summary>
    public static ValidationResult<long> ParseMb(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var unit = trimmed.Length > 0 && char.IsAsciiLetter(trimmed[^1]) ? trimmed[^1] : 'm';
        var digits = char.IsAsciiLetter(unit) && trimmed.EndsWith(unit) ? trimmed.TrimEnd(unit) : trimmed;

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || unit is not ('k' or 'm' or 'g'))
        {
            return ValidationResult<long>.Fail(
                $"'{text}' is not a memory size; write a whole number with k, m or g, e.g. 256m or 1g.");
        }

        var mb = unit switch
        {
            'k' => (amount + 1023) / 1024,
            'g' => amount > MaxMb ? long.MaxValue : amount * 1024,
            _ => amount,
        };
        return mb > MaxMb
            ? ValidationResult<long>.Fail($"'{text}' is more than the 1 TiB a process type may reserve.")
            : ValidationResult<long>.Ok(mb);
    }
}

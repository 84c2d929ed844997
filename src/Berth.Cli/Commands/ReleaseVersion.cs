using System.Globalization;
using Berth.Core.Validation;

namespace Berth.Cli.Commands;

/// <summary>A release version as the user writes it: <c>v3</c> or <c>3</c>.</summary>
internal static class ReleaseVersion
{
    /// <summary>The release number in <paramref name="text"/>, or why it is not one.</summary>
    public static ValidationResult<int> Parse(string text)
    {
        var digits = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return ValidationResult<int>.Fail($"'{text}' is not a release version: write it as v3 or 3.");
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
        {
            return ValidationResult<int>.Fail(
                $"'{text}' is not a release: releases are numbered from v1 (berth releases APP lists them).");
        }

        return ValidationResult<int>.Ok(number);
    }
}

using Berth.Core.Validation;

namespace Berth.Core.Apps;

/// <summary>
/// The rules for app names. A name is also a DNS label (the app is served at
/// <c>&lt;name&gt;.&lt;cluster domain&gt;</c>) and part of container names, so it is
/// kept to lower-case letters, digits and hyphens, as Dokku allows.
/// </summary>
public static class AppName
{
    /// <summary>The longest name allowed: one DNS label.</summary>
    public const int MaxLength = 63;

    /// <summary>The rule in one sentence, for error messages.</summary>
    public const string Rule =
        "an app name starts with a lower-case letter, holds only lower-case letters, digits and hyphens, " +
        "does not end with a hyphen, and is at most 63 characters";

    /// <summary>Checks <paramref name="name"/> against the rules.</summary>
    public static ValidationResult<string> Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return ValidationResult<string>.Fail($"the app name is empty: {Rule}.");
        }

        return IsValid(name)
            ? ValidationResult<string>.Ok(name)
            : ValidationResult<string>.Fail($"'{name}' is not a valid app name: {Rule}.");
    }

    /// <summary>True when <paramref name="name"/> follows the rules.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength
        && name[0] is >= 'a' and <= 'z'
        && name[^1] != '-'
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

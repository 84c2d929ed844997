namespace Berth.Core.Config;

/// <summary>The rules for config var names: environment variable names a shell accepts.</summary>
public static class ConfigKey
{
    /// <summary>The rule in one sentence, for error messages.</summary>
    public const string Rule = "a config key starts with a letter or '_' and holds only letters, digits and '_'";

    /// <summary>True when <paramref name="key"/> is a usable environment variable name.</summary>
    public static bool IsValid(string key) =>
        key.Length > 0
        && (char.IsAsciiLetter(key[0]) || key[0] == '_')
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

namespace Berth.Agent.Options;

/// <summary>The rule for node label keys given with <c>--label KEY=VALUE</c>.</summary>
internal static class NodeLabelRule
{
    /// <summary>The longest label key allowed.</summary>
    public const int MaxKeyLength = 63;

    /// <summary>The rule in one sentence, for error messages.</summary>
    public const string Rule =
        "a label key holds only letters, digits, '-', '_', '.' and '/', at most 63 characters";

    /// <summary>True when <paramref name="key"/> follows the rule.</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
}

namespace Berth.Agent.Options;

/// <summary>The rule for node names, which appear in container environments and in the CLI.</summary>
internal static class NodeNameRule
{
    /// <summary>The longest node name allowed.</summary>
    public const int MaxLength = 63;

    /// <summary>The rule in one sentence, for error messages.</summary>
    public const string Rule =
        "a node name starts with a letter or digit and holds only letters, digits, '-', '_' and '.', "
        + "at most 63 characters";

    /// <summary>True when <paramref name="name"/> follows the rule.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

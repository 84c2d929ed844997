namespace Berth.Core.Nodes;

/// <summary>The rules for node names.</summary>
public static class NodeName
{
    /// <summary>The rule in one sentence, for error messages.</summary>
    public const string Rule = "a node name holds only lower-case letters, digits, '-' and '.', at most 63 characters";

    /// <summary>True when <paramref name="name"/> follows the rule.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');
}

namespace Berth.Core.Processes;

/// <summary>The rules for process type names, as in a Procfile.</summary>
public static class ProcessType
{
    /// <summary>The only process type that receives routes from the edge.</summary>
    public const string Web = "web";

    /// <summary>The longest process type name allowed.</summary>
    public const int MaxLength = 63;

    /// <summary>The rule in one sentence, for error messages.</summary>
    public const string Rule = "a process type holds only letters, digits, '-' and '_', at most 63 characters";

    /// <summary>True when <paramref name="name"/> is a valid process type name.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

namespace Berth.Cli.Output;

/// <summary>The values of the <c>--format</c> option.</summary>
internal static class OutputFormat
{
    /// <summary>Tables and lines for people (the default).</summary>
    public const string Text = "text";

    /// <summary>One line of JSON for scripts; warnings still go to standard error.</summary>
    public const string Json = "json";
}

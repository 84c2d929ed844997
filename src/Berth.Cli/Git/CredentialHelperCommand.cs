namespace Berth.Cli.Git;

/// <summary>
/// The command line git runs to ask this CLI for credentials, as written into
/// <c>credential.&lt;url&gt;.helper</c>.
/// </summary>
internal static class CredentialHelperCommand
{
    /// <summary>The hidden subcommand that speaks git's credential helper protocol.</summary>
    public const string Subcommand = "git-credential";

    // Limitation: the helper records the CLI's path at git:remote time; after moving or reinstalling berth
    // elsewhere, run git:remote again.
    /// <summary>
    /// The helper value, <c>!&lt;command&gt; git-credential</c>, where the command runs this CLI:
    /// <c>"dotnet" "berth.dll"</c> when the process is the dotnet host, else the process itself.
    /// </summary>
    public static string Build(string? processPath, string assemblyPath) =>
        $"!{SelfCommand(processPath, assemblyPath)} {Subcommand}";

    /// <summary>The shell words that start this CLI.</summary>
    public static string SelfCommand(string? processPath, string assemblyPath)
    {
        if (processPath is null || IsDotnetHost(processPath))
        {
            var host = processPath ?? "dotnet";
            return $"{Quote(host)} {Quote(assemblyPath)}";
        }

        return Quote(processPath);
    }

    /// <summary>Quotes <paramref name="word"/> for the POSIX shell git runs helpers with.</summary>
    public static string Quote(string word)
    {
        var escaped = word
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal);

        return $"\"{escaped}\"";
    }

    private static bool IsDotnetHost(string processPath)
    {
        var name = Path.GetFileNameWithoutExtension(processPath);
        return string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase);
    }
}

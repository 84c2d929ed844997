namespace Berth.Cli.Configuration;

/// <summary>Where the CLI config file lives.</summary>
internal static class CliConfigPath
{
    /// <summary>The variable that names the file directly.</summary>
    public const string ConfigVariable = "BERTH_CONFIG";

    /// <summary>
    /// <c>$BERTH_CONFIG</c> if set, else <c>$XDG_CONFIG_HOME/berth/cli.json</c>, else
    /// <c>~/.config/berth/cli.json</c>.
    /// </summary>
    public static string Resolve(CliEnvironment environment)
    {
        var explicitPath = environment.Variable(ConfigVariable);
        if (explicitPath is not null)
        {
            return Path.GetFullPath(explicitPath, environment.WorkingDirectory);
        }

        var configHome = environment.Variable("XDG_CONFIG_HOME")
            ?? Path.Combine(environment.HomeDirectory, ".config");

        return Path.Combine(configHome, "berth", "cli.json");
    }
}

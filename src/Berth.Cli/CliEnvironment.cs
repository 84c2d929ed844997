namespace Berth.Cli;

/// <summary>
/// What the CLI reads from the process it runs in: environment variables, directories and
/// its own paths. Tests build one by hand.
/// </summary>
/// <param name="GetVariable">Looks up an environment variable; null when unset.</param>
/// <param name="HomeDirectory">The user's home directory.</param>
/// <param name="WorkingDirectory">The directory the command was started in.</param>
/// <param name="ProcessPath">The executable of this process (the dotnet host when run as a dll).</param>
/// <param name="AssemblyPath">The path of berth.dll, which the dotnet host runs (unused by a native build).</param>
internal sealed record CliEnvironment(
    Func<string, string?> GetVariable,
    string HomeDirectory,
    string WorkingDirectory,
    string? ProcessPath,
    string AssemblyPath)
{
    /// <summary>The environment of the running process.</summary>
    public static CliEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        Environment.CurrentDirectory,
        Environment.ProcessPath,
        Path.Combine(AppContext.BaseDirectory, "berth.dll"));

    /// <summary>The value of <paramref name="name"/>, or null when it is unset or empty.</summary>
    public string? Variable(string name)
    {
        var value = GetVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

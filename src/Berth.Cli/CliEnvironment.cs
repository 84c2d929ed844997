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
/// <param name="Actor">
/// Who the control plane records as asking for a change: <c>user@host</c> of this process. It is
/// declared, not proven; one cluster token serves everyone.
/// </param>
internal sealed record CliEnvironment(
    Func<string, string?> GetVariable,
    string HomeDirectory,
    string WorkingDirectory,
    string? ProcessPath,
    string AssemblyPath,
    string Actor)
{
    /// <summary>The environment of the running process.</summary>
    public static CliEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        Environment.CurrentDirectory,
        Environment.ProcessPath,
        Path.Combine(AppContext.BaseDirectory, "berth.dll"),
        ActorOf(Environment.UserName, Environment.MachineName));

    /// <summary>
    /// <c>user@host</c>, with every character that is not printable ASCII, and the <c>:</c> a
    /// git user name cannot hold, as <c>?</c> (gRPC metadata and HTTP headers carry ASCII).
    /// </summary>
    public static string ActorOf(string user, string host) =>
        string.Concat($"{user}@{host}".Select(c => c is >= ' ' and <= '~' and not ':' ? c : '?'));

    /// <summary>The value of <paramref name="name"/>, or null when it is unset or empty.</summary>
    public string? Variable(string name)
    {
        var value = GetVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

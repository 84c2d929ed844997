namespace Berth.Cli.Tests.Support;

/// <summary>A <see cref="CliEnvironment"/> of fixed paths whose variables are the ones given.</summary>
internal static class TestEnvironment
{
    public static CliEnvironment With(Dictionary<string, string> variables) =>
        new(
            name => variables.GetValueOrDefault(name),
            "/home/me",
            "/work",
            "/usr/bin/dotnet",
            "/opt/berth.dll",
            "me@host");
}

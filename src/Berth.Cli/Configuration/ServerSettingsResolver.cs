namespace Berth.Cli.Configuration;

/// <summary>Combines the saved login with the <c>BERTH_URL</c> and <c>BERTH_TOKEN</c> overrides.</summary>
internal static class ServerSettingsResolver
{
    /// <summary>Overrides the saved URL.</summary>
    public const string UrlVariable = "BERTH_URL";

    /// <summary>Overrides the saved token.</summary>
    public const string TokenVariable = "BERTH_TOKEN";

    /// <summary>
    /// The settings to use, or null when no URL or no token is known. Each variable
    /// overrides its own field; the saved git URL is kept only while the URL is the saved one.
    /// </summary>
    public static ServerSettings? Resolve(CliConfig? saved, CliEnvironment environment)
    {
        var url = environment.Variable(UrlVariable) ?? saved?.Url;
        var token = environment.Variable(TokenVariable)?.Trim() ?? saved?.Token;
        if (url is null || string.IsNullOrEmpty(token))
        {
            return null;
        }

        var gitBaseUrl = saved is not null && SameUrl(saved.Url, url) ? saved.GitBaseUrl : null;
        return new ServerSettings(url, token, gitBaseUrl);
    }

    private static bool SameUrl(string left, string right) =>
        string.Equals(left.TrimEnd('/'), right.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

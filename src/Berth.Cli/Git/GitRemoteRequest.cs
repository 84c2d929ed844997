namespace Berth.Cli.Git;

/// <summary>What <c>git:remote</c> sets up in a repository.</summary>
/// <param name="WorkingDirectory">A directory inside the repository.</param>
/// <param name="RemoteName">The remote to add or update, e.g. berth.</param>
/// <param name="GitBaseUrl">The control plane's git endpoint, e.g. http://127.0.0.1:7001/git.</param>
/// <param name="App">The app the remote pushes to.</param>
/// <param name="HelperCommand">The credential helper value, <c>!&lt;command&gt; git-credential</c>.</param>
internal sealed record GitRemoteRequest(
    string WorkingDirectory,
    string RemoteName,
    string GitBaseUrl,
    string App,
    string HelperCommand)
{
    /// <summary>The URL the remote points at: <c>&lt;git base url&gt;/&lt;app&gt;.git</c>.</summary>
    public string RemoteUrl => $"{BaseUrl}/{App}.git";

    /// <summary>The git base URL without a trailing slash, as used in credential config keys.</summary>
    public string BaseUrl => GitBaseUrl.TrimEnd('/');
}

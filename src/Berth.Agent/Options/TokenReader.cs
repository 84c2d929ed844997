namespace Berth.Agent.Options;

/// <summary>Resolves a <see cref="TokenSource"/> to the token itself.</summary>
internal static class TokenReader
{
    /// <summary>
    /// The token, trimmed; an error sentence instead when the file cannot be read or the
    /// token is empty.
    /// </summary>
    public static (string? Token, string? Error) Read(TokenSource source)
    {
        if (source.FilePath is null)
        {
            return Checked(source.Value ?? "", "--token");
        }

        try
        {
            return Checked(File.ReadAllText(source.FilePath), $"the token file {source.FilePath}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"the token file {source.FilePath} cannot be read ({ex.Message}): "
                + "give the path of the file the control plane wrote (its data directory's 'token').");
        }
    }

    private static (string? Token, string? Error) Checked(string raw, string origin)
    {
        var token = raw.Trim();

        return token.Length > 0
            ? (token, null)
            : (null, $"{origin} holds an empty token: give the cluster token the control plane wrote.");
    }
}

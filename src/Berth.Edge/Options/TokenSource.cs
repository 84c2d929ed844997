using Berth.Core.Validation;

namespace Berth.Edge.Options;

/// <summary>
/// Where the cluster token comes from: a file (--token-file) or the command line (--token).
/// Its text form never shows the token itself.
/// </summary>
/// <param name="File">The path of a file holding the token, or null.</param>
/// <param name="Value">The token given inline, or null.</param>
public sealed record TokenSource(string? File, string? Value)
{
    /// <summary>Reads the token: the inline value, or the trimmed content of the file.</summary>
    public ValidationResult<string> Read()
    {
        if (File is null)
        {
            return NonEmpty(Value, "the --token value is empty; give the cluster token.");
        }

        try
        {
            return NonEmpty(
                System.IO.File.ReadAllText(File),
                $"the token file '{File}' is empty; give the file the control plane wrote to <data-dir>/token.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidationResult<string>.Fail(
                $"cannot read the token file '{File}' ({ex.Message}); check the path given to --token-file.");
        }
    }

    /// <summary>Describes the source without revealing the token.</summary>
    public override string ToString() => File is null ? "token given inline" : $"token from file {File}";

    private static ValidationResult<string> NonEmpty(string? token, string error)
    {
        var trimmed = token?.Trim();

        return string.IsNullOrEmpty(trimmed)
            ? ValidationResult<string>.Fail(error)
            : ValidationResult<string>.Ok(trimmed);
    }
}

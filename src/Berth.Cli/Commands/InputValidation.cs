using Berth.Cli.Errors;
using Berth.Core.Apps;
using Berth.Core.Validation;

namespace Berth.Cli.Commands;

/// <summary>
/// Collects the errors of every argument a command checks, so the user sees all of them
/// at once, before any call is made.
/// </summary>
internal sealed class InputValidation
{
    private readonly List<string> errors = [];

    /// <summary>Records the errors of <paramref name="result"/> and returns its value (default when invalid).</summary>
    public T Take<T>(ValidationResult<T> result)
    {
        errors.AddRange(result.Errors);
        return result.Value!;
    }

    /// <summary>Checks an app name alone, throwing its error when invalid.</summary>
    public static string RequireApp(string text)
    {
        var validation = new InputValidation();
        var app = validation.Take(AppName.Validate(text));
        validation.ThrowIfInvalid();

        return app;
    }

    /// <summary>Records one error.</summary>
    public void Add(string error) => errors.Add(error);

    /// <summary>Throws one <see cref="CliException"/> carrying every error recorded, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (errors.Count > 0)
        {
            throw new CliException(errors.ToList());
        }
    }
}

namespace Berth.Core.Validation;

/// <summary>
/// The outcome of checking input that crossed a boundary: either a value, or every
/// error found, each a sentence that says what is wrong and how to fix it.
/// </summary>
public sealed record ValidationResult<T>(T? Value, IReadOnlyList<string> Errors)
{
    /// <summary>True when no error was found and <see cref="Value"/> holds the result.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>A valid result holding <paramref name="value"/>.</summary>
    public static ValidationResult<T> Ok(T value) => new(value, []);

    /// <summary>An invalid result holding <paramref name="errors"/>.</summary>
    public static ValidationResult<T> Fail(IReadOnlyList<string> errors) => new(default, errors);

    /// <summary>An invalid result holding one error.</summary>
    public static ValidationResult<T> Fail(string error) => new(default, [error]);
}

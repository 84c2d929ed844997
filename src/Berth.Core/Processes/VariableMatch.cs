namespace Berth.Core.Processes;

/// <summary>
/// What a <c>$</c> reference in a command stands for: <see cref="Length"/> characters of the
/// command replaced by <see cref="Value"/>, or, when <see cref="Error"/> is set, a reference
/// that cannot be expanded and must be reported.
/// </summary>
internal readonly record struct VariableMatch(int Length, string Value, string? Error)
{
    /// <summary>A reference that stands for <paramref name="value"/>.</summary>
    public static VariableMatch Of(int length, string value) => new(length, value, null);

    /// <summary>A reference that cannot be expanded.</summary>
    public static VariableMatch Fail(int length, string error) => new(length, string.Empty, error);
}

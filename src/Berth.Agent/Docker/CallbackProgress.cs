namespace Berth.Agent.Docker;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back at once, on the reporting thread, so Docker's
/// progress messages are seen in order (<see cref="Progress{T}"/> posts them to the thread pool).
/// </summary>
internal sealed class CallbackProgress<T>(Action<T> callback) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => callback(value);
}

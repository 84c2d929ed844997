using Microsoft.Extensions.Time.Testing;

namespace Berth.Agent.Tests.Health;

/// <summary>Moves a fake clock on in small steps until a task ends, letting its continuations run in between.</summary>
internal static class Clock
{
    /// <summary>
    /// The result of <paramref name="task"/>, advancing <paramref name="time"/> 100 ms at a time (at most 5 min).
    /// </summary>
    public static async Task<T> RunAsync<T>(Task<T> task, FakeTimeProvider time)
    {
        for (var step = 0; step < 3000 && !task.IsCompleted; step++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

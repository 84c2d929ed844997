using Berth.Agent.Containers;
using Docker.DotNet.Models;

namespace Berth.Agent.Tests.Containers;

public sealed class ContainerDetailsTests
{
    [Fact]
    public void From_ExitedState_CopiesTimesExitCodeAndOutOfMemory()
    {
        var details = ContainerDetails.From(new State
        {
            Status = "exited",
            ExitCode = 137,
            OOMKilled = true,
            StartedAt = "2025-05-01T12:00:00Z",
            FinishedAt = "2025-05-01T12:00:01.5Z",
        });

        var start = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new ContainerDetails("exited", 137, start, start.AddSeconds(1.5), true), details);
    }

    [Fact]
    public void ApplyTo_ListedRunningButInspectedExited_TakesTheInspectsState()
    {
        var listed = Fixtures.Managed(process: "worker");
        var details = new ContainerDetails("exited", 3, null, null, false);

        var observed = details.ApplyTo(listed);

        Assert.Equal((DockerStates.Exited, (int?)3), (observed.State, observed.ExitCode));
    }

    [Fact]
    public void ApplyTo_Running_KeepsStartTimeAndNoExitCode()
    {
        var start = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var details = new ContainerDetails("running", 0, start, null, false);

        var observed = details.ApplyTo(Fixtures.Managed());

        Assert.Equal((start, (int?)null), (observed.StartedAt, observed.ExitCode));
    }

    [Fact]
    public void ApplyTo_ListedExitedButInspectedRunning_HasNoExitCode()
    {
        var listed = Fixtures.Managed(process: "worker", state: DockerStates.Exited, exitCode: 3);
        var details = new ContainerDetails("running", 3, null, null, false);

        var observed = details.ApplyTo(listed);

        Assert.Equal((DockerStates.Running, (int?)null), (observed.State, observed.ExitCode));
    }
}

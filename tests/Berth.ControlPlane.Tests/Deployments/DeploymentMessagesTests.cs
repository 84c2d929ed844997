using Berth.ControlPlane.Deployments;
using Berth.Core.Placement;

namespace Berth.ControlPlane.Tests.Deployments;

public sealed class DeploymentMessagesTests
{
    private static readonly PlacedInstance Web1 = new("shop", "web", 1, 7, "node-2", 256);

    [Fact]
    public void InstanceFailed_WithCheckMessageAndLogTail_ShowsBoth()
    {
        var text = DeploymentMessages.InstanceFailed(
            Web1, "failed", "startup check 'health' failed after 3 attempts: 500", ["booting", "panic: no db"]);

        Assert.Equal(
            "web.1 failed on node-2: startup check 'health' failed after 3 attempts: 500; last log lines:\n" +
            "       booting\n       panic: no db",
            text);
    }

    [Fact]
    public void InstanceFailed_WithoutMessageOrLog_NamesTheInstanceOnly()
    {
        Assert.Equal("web.1 exited on node-2", DeploymentMessages.InstanceFailed(Web1, "exited", " ", []));
    }

    [Fact]
    public void InstanceFailed_LongLog_KeepsTheLastLines()
    {
        var log = Enumerable.Range(1, 50).Select(n => $"line {n}").ToList();

        var text = DeploymentMessages.InstanceFailed(Web1, "failed", "check failed", log);

        Assert.DoesNotContain("line 30\n", text, StringComparison.Ordinal);
        Assert.Contains("line 31\n", text, StringComparison.Ordinal);
        Assert.EndsWith("line 50", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NotStarted_WithLogLines_PutsWhatServesOnItsOwnLine()
    {
        var text = DeploymentMessages.NotStarted(7, "web.1 failed on node-2: x; last log lines:\n       boom", 6);

        Assert.Equal(
            "v7 did not start: web.1 failed on node-2: x; last log lines:\n       boom\nv6 keeps serving", text);
    }

    [Fact]
    public void NotStarted_FirstRelease_SaysNothingRuns()
    {
        Assert.Equal(
            "v1 did not start: web.1 exited on node-1; the app had no release before, so nothing runs",
            DeploymentMessages.NotStarted(1, "web.1 exited on node-1", 0));
    }

    [Fact]
    public void PredeployFailed_SaysNoReleaseWasMade()
    {
        var text = DeploymentMessages.PredeployFailed("the script exited with code 3");

        Assert.StartsWith("the predeploy script failed: the script exited with code 3; no release was made", text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void PostdeployFailed_SaysTheReleaseStays()
    {
        Assert.Contains(
            "v4 stays deployed", DeploymentMessages.PostdeployFailed(4, "exit 1"), StringComparison.Ordinal);
    }
}

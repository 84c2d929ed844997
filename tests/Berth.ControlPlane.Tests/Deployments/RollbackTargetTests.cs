using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Store;

namespace Berth.ControlPlane.Tests.Deployments;

public sealed class RollbackTargetTests
{
    // v1 deployed, v2 deployed, v3 failed, v4 deployed (current), v5 pending.
    private static readonly IReadOnlyList<ReleaseRecord> Releases =
    [
        Release(5, ReleaseStates.Pending),
        Release(4, ReleaseStates.Deployed),
        Release(3, ReleaseStates.Failed),
        Release(2, ReleaseStates.Deployed),
        Release(1, ReleaseStates.Deployed),
    ];

    [Fact]
    public void RollbackTarget_Default_IsNewestDeployedBeforeCurrentSkippingFailed()
    {
        var (target, error) = DeploymentRunner.RollbackTarget("shop", Releases, current: 4, requested: 0);

        Assert.Equal(2, target?.Number);
        Assert.Equal("", error);
    }

    [Fact]
    public void RollbackTarget_DefaultAfterRevert_IgnoresReleasesAboveCurrent()
    {
        var (target, _) = DeploymentRunner.RollbackTarget("shop", Releases, current: 2, requested: 0);

        Assert.Equal(1, target?.Number);
    }

    [Fact]
    public void RollbackTarget_DefaultWithNothingBefore_SaysSo()
    {
        var (target, error) = DeploymentRunner.RollbackTarget("shop", Releases, current: 1, requested: 0);

        Assert.Null(target);
        Assert.Contains("no deployed release before v1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RollbackTarget_NoReleaseYet_SaysToDeployFirst()
    {
        var (target, error) = DeploymentRunner.RollbackTarget("shop", [], current: 0, requested: 0);

        Assert.Null(target);
        Assert.Contains("deploy it first", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RollbackTarget_DeployedRelease_IsTheTarget(int requested)
    {
        var (target, error) = DeploymentRunner.RollbackTarget("shop", Releases, current: 4, requested);

        Assert.Equal(requested, target?.Number);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData(4, "v4 is already the current release of 'shop'")]
    [InlineData(3, "v3 of 'shop' failed to deploy")]
    [InlineData(5, "v5 of 'shop' never finished deploying (pending)")]
    [InlineData(9, "'shop' has no release v9")]
    public void RollbackTarget_RefusedRelease_SaysWhy(int requested, string reason)
    {
        var (target, error) = DeploymentRunner.RollbackTarget("shop", Releases, current: 4, requested);

        Assert.Null(target);
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
        Assert.Contains("`berth releases shop`", error, StringComparison.Ordinal);
    }

    private static ReleaseRecord Release(int number, string state) => new(
        "shop",
        number,
        $"127.0.0.1:5000/shop:v{number}",
        $"sha256:{number}",
        ConfigSnapshot.Empty,
        "",
        "deploy",
        state,
        DateTimeOffset.UnixEpoch,
        new Dictionary<string, string>(),
        ReleaseSources.None,
        "");
}

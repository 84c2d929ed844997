using Berth.Agent.Supervision;
using Berth.Agent.Tests.Containers;

namespace Berth.Agent.Tests.Supervision;

public sealed class AssignedContainersTests
{
    [Fact]
    public void Current_BeforeTheFirstSet_IsUnknown()
    {
        var assigned = new AssignedContainers();

        Assert.Null(assigned.Current);
        Assert.False(assigned.Contains("shop.web.1.v3"));
    }

    [Fact]
    public void Replace_Set_HoldsItsContainerNames()
    {
        var assigned = new AssignedContainers();

        assigned.Replace([Fixtures.Assignment(index: 1), Fixtures.Assignment(process: "worker", release: 4)]);

        Assert.Equal(["shop.web.1.v3", "shop.worker.1.v4"], assigned.Current!.Order(StringComparer.Ordinal));
        Assert.True(assigned.Contains("shop.worker.1.v4"));
    }
}

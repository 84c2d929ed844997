using Berth.Edge.Draining;

namespace Berth.Edge.Tests.Draining;

public sealed class InFlightRequestsTests
{
    private static readonly BackendKey One = new("shop.web.1", "http://127.0.0.1:3001");
    private static readonly BackendKey OneElsewhere = new("shop.web.1", "http://127.0.0.1:4001");

    [Fact]
    public void Begin_CountsPerBackendUntilEachLeaseEnds()
    {
        var requests = new InFlightRequests();

        var first = requests.Begin(One);
        var second = requests.Begin(One);
        using var other = requests.Begin(OneElsewhere);
        Assert.Equal(2, requests.Count(One));
        Assert.Equal(1, requests.Count(OneElsewhere));

        first.Dispose();
        first.Dispose();
        Assert.Equal(1, requests.Count(One));

        second.Dispose();
        Assert.Equal(0, requests.Count(One));
        Assert.Equal(1, requests.Count(OneElsewhere));
    }

    [Fact]
    public async Task Begin_ManyThreads_CountReturnsToZero()
    {
        var requests = new InFlightRequests();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                using var lease = requests.Begin(One);
            }
        })));

        Assert.Equal(0, requests.Count(One));
    }
}

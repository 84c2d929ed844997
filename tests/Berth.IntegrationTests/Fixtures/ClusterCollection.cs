namespace Berth.IntegrationTests.Fixtures;

/// <summary>Every integration test shares one test cluster, and they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "cluster";
}

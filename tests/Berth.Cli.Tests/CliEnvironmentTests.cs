namespace Berth.Cli.Tests;

public sealed class CliEnvironmentTests
{
    [Theory]
    [InlineData("alice", "laptop", "alice@laptop")]
    [InlineData("José", "pc", "Jos?@pc")]
    [InlineData("a:b", "h\n", "a?b@h?")]
    public void ActorOf_IsUserAtHost_InPrintableAsciiWithoutColons(string user, string host, string expected) =>
        Assert.Equal(expected, CliEnvironment.ActorOf(user, host));
}

using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class DomainsCommandsTests : IDisposable
{
    private readonly CliHarness harness = new();

    public DomainsCommandsTests()
    {
        harness.LogIn();
        harness.Api.Domains = new DomainsResponse
        {
            App = "myapp",
            DefaultDomain = "myapp.localhost",
            Domains = { "www.example.com" },
        };
    }

    [Fact]
    public async Task Add_Domain_SendsItInLowerCaseAndPrintsDomains()
    {
        var exitCode = await harness.RunAsync("domains:add", "myapp", "WWW.Example.com");

        Assert.Equal(0, exitCode);
        Assert.Equal("www.example.com", harness.Api.LastDomain);
        Assert.Contains("myapp.localhost", harness.Output.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("www.example.com", harness.Output.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_Domain_CallsRemove()
    {
        var exitCode = await harness.RunAsync("domains:remove", "myapp", "www.example.com");

        Assert.Equal(0, exitCode);
        Assert.Equal(["RemoveDomain myapp www.example.com"], harness.Api.Calls);
    }

    [Fact]
    public async Task Report_App_ListsDomains()
    {
        var exitCode = await harness.RunAsync("domains:report", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["ListDomains myapp"], harness.Api.Calls);
        Assert.Equal("=====> myapp domains", harness.Output.Lines[0]);
    }

    [Theory]
    [InlineData("http://www.example.com")]
    [InlineData("example.com:8080")]
    [InlineData("-bad.example.com")]
    public async Task Add_InvalidDomain_FailsBeforeAnyCall(string domain)
    {
        var exitCode = await harness.RunAsync("domains:add", "myapp", domain);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not a valid domain", harness.Output.Errors.Single(), StringComparison.Ordinal);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Add_InvalidAppAndDomain_ReportsBoth()
    {
        var exitCode = await harness.RunAsync("domains:add", "Bad", "bad_domain");

        Assert.Equal(1, exitCode);
        Assert.Equal(2, harness.Output.Errors.Count);
    }

    public void Dispose() => harness.Dispose();
}

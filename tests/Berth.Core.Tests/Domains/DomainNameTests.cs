using Berth.Core.Domains;

namespace Berth.Core.Tests.Domains;

public sealed class DomainNameTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("www.example.com", "www.example.com")]
    [InlineData("WWW.Example.COM", "www.example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("  example.com  ", "example.com")]
    [InlineData("my-app.apps.example.com", "my-app.apps.example.com")]
    [InlineData("localhost", "localhost")]
    [InlineData("a1.b2.c3", "a1.b2.c3")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    public void Validate_GoodHost_ReturnsItLowerCasedWithoutTrailingDot(string domain, string expected)
    {
        var result = DomainName.Validate(domain);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_Empty_FailsSayingEmpty(string? domain)
    {
        var result = DomainName.Validate(domain);

        Assert.False(result.IsValid);
        Assert.Contains("empty", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://example.com/")]
    [InlineData("example.com:8080")]
    [InlineData("example.com/path")]
    [InlineData("example..com")]
    [InlineData(".example.com")]
    [InlineData(".")]
    [InlineData("-example.com")]
    [InlineData("www.-example.com")]
    [InlineData("example-.com")]
    [InlineData("exa_mple.com")]
    [InlineData("exa mple.com")]
    [InlineData("*.example.com")]
    [InlineData("user@example.com")]
    [InlineData("bücher.example")]
    public void Validate_BadHost_FailsNamingTheDomainAndWhatIsExpected(string domain)
    {
        var result = DomainName.Validate(domain);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"'{domain}'", error, StringComparison.Ordinal);
        Assert.Contains("without scheme, port or path", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelOfSixtyThree_IsValid()
    {
        var domain = new string('a', 63) + ".com";

        Assert.True(DomainName.Validate(domain).IsValid);
    }

    [Fact]
    public void Validate_LabelOfSixtyFour_Fails()
    {
        var domain = new string('a', 64) + ".com";

        Assert.False(DomainName.Validate(domain).IsValid);
    }

    [Fact]
    public void Validate_HostOf253Characters_IsValid()
    {
        var domain = HostOfLength(253);

        Assert.True(DomainName.Validate(domain).IsValid);
        Assert.True(DomainName.Validate(domain + ".").IsValid);
    }

    [Fact]
    public void Validate_HostOf254Characters_Fails()
    {
        var domain = HostOfLength(254);

        Assert.False(DomainName.Validate(domain).IsValid);
    }

    private static string HostOfLength(int length)
    {
        var label = new string('a', 63);
        var host = string.Join('.', label, label, label);
        var rest = length - host.Length - 1;

        return host + "." + new string('b', rest);
    }
}

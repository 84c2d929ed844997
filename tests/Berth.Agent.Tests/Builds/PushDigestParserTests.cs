using System.Text.Json;
using Berth.Agent.Builds;
using Docker.DotNet.Models;

namespace Berth.Agent.Tests.Builds;

public sealed class PushDigestParserTests
{
    private static readonly string Digest = "sha256:" + string.Concat(Enumerable.Repeat("0123456789abcdef", 4));

    [Fact]
    public void Parse_StatusWithDigest_ReturnsIt()
    {
        var message = new JSONMessage { Status = $"v3: digest: {Digest} size: 528" };

        Assert.Equal(Digest, PushDigestParser.Parse(message));
    }

    [Fact]
    public void Parse_AuxWithDigestAsJsonElement_ReturnsIt()
    {
        var aux = JsonDocument.Parse($$"""{"Tag":"v3","Digest":"{{Digest}}","Size":528}""").RootElement;
        var message = new JSONMessage
        {
            Aux = new ObjectExtensionData
            {
                ExtensionData = aux.EnumerateObject()
                    .ToDictionary(property => property.Name, property => (object)property.Value),
            },
        };

        Assert.Equal(Digest, PushDigestParser.Parse(message));
    }

    [Fact]
    public void Parse_AuxWithDigestAsString_ReturnsIt()
    {
        var message = new JSONMessage
        {
            Aux = new ObjectExtensionData { ExtensionData = new Dictionary<string, object> { ["Digest"] = Digest } },
        };

        Assert.Equal(Digest, PushDigestParser.Parse(message));
    }

    [Theory]
    [InlineData("The push refers to repository [127.0.0.1:5000/shop]")]
    [InlineData("Pushed")]
    [InlineData("v3: digest: sha256:abc size: 1")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_StatusWithoutDigest_ReturnsNull(string? status)
    {
        Assert.Null(PushDigestParser.Parse(new JSONMessage { Status = status!, ID = "abc" }));
    }

    [Fact]
    public void Parse_AuxWithoutDigest_ReturnsNull()
    {
        var message = new JSONMessage
        {
            Aux = new ObjectExtensionData { ExtensionData = new Dictionary<string, object> { ["ID"] = "x" } },
        };

        Assert.Null(PushDigestParser.Parse(message));
    }
}

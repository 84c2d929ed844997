using Berth.Core.Health;
using CsCheck;

namespace Berth.Core.Tests.Health;

public sealed class ChecksFilePropertyTests
{
    private const int Iterations = 2_000;

    /// <summary>Paths without a host: a second leading '/' would make the rest a host name.</summary>
    private static readonly Gen<string> Path =
        Gen.Char["abz09/?=&._-%"].Array[0, 12].Select(chars => "/" + new string(chars).TrimStart('/'));

    private static readonly Gen<string> Content =
        Gen.Char["aZ09 .$(){}<>/\"'="].Array[0, 12].Select(chars => new string(chars).Trim());

    private static readonly string[] NoiseLines = ["", "   ", "# a comment", "\t# WAIT=1", "#/x ok"];

    private static readonly Gen<string> Noise = Gen.Int[0, NoiseLines.Length - 1].Select(i => NoiseLines[i]);

    [Fact]
    public void Parse_CheckLinesAmongCommentsAndBlankLines_GivesOneCheckPerLineInOrder()
    {
        Gen.Select(Path, Content, Noise).Array[0, 8].Sample(
            lines =>
            {
                var text = string.Join('\n', lines.SelectMany(l => new[] { l.Item3, $"{l.Item1} {l.Item2}" }));

                var result = ChecksFile.Parse(text);

                var expected = lines.Select((line, index) => HealthCheck.ForPath($"check-{index + 1}", line.Item1) with
                {
                    Content = line.Item2.Length == 0 ? null : line.Item2,
                });
                Assert.Equal(expected, result.Value);
            },
            iter: Iterations,
            print: lines => string.Join(" | ", lines.Select(l => $"{l.Item1} {l.Item2}")));
    }

    [Fact]
    public void Parse_AnyText_GivesChecksOrErrorsThatNameALine()
    {
        Gen.Char["/ab=#\n\r\t :WAITMEOUSRhtps1"].Array[0, 40].Select(chars => new string(chars)).Sample(
            text =>
            {
                var result = ChecksFile.Parse(text);

                Assert.Equal(result.IsValid, result.Value is not null);
                Assert.All(result.Errors, error => Assert.StartsWith("CHECKS line ", error, StringComparison.Ordinal));
            },
            iter: Iterations,
            print: text => text);
    }
}

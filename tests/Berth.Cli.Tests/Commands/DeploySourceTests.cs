using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Berth.Cli.Commands;
using Berth.Cli.Errors;
using Berth.Cli.Tests.Support;

namespace Berth.Cli.Tests.Commands;

public sealed class DeploySourceTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void Resolve_Image_KeepsTheReference()
    {
        var source = DeploySource.Resolve(" nginx:1.27 ", null, directory.Path);

        Assert.Equal("nginx:1.27", source.Image);
        Assert.Null(source.Tar);
    }

    [Fact]
    public void Resolve_TarFile_ReadsIt()
    {
        var path = directory.Combine("site.tar");
        File.WriteAllBytes(path, Tar(("Dockerfile", "FROM base\n")));

        var source = DeploySource.Resolve(null, "site.tar", directory.Path);

        Assert.Equal(File.ReadAllBytes(path), source.Tar);
        Assert.Null(source.Image);
    }

    [Fact]
    public void ReadTar_GzippedTar_IsUncompressed()
    {
        var tar = Tar(("Dockerfile", "FROM base\n"), ("app.json", "{}"));
        var path = directory.Combine("site.tar.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(tar);
        }

        Assert.Equal(tar, DeploySource.ReadTar(path));
    }

    [Fact]
    public void ReadTar_TarWithoutDockerfileAtRoot_Fails()
    {
        var path = directory.Combine("site.tar");
        File.WriteAllBytes(path, Tar(("sub/Dockerfile", "FROM base\n")));

        var error = Assert.Throws<CliException>(() => DeploySource.ReadTar(path));

        Assert.Contains("holds no Dockerfile at its root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTar_FileThatIsNoTar_Fails()
    {
        var path = directory.Combine("notes.txt");
        File.WriteAllText(path, "just some text that is not a tar archive at all");

        var error = Assert.Throws<CliException>(() => DeploySource.ReadTar(path));

        Assert.Contains("is not a tar file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTar_BrokenGzip_Fails()
    {
        var path = directory.Combine("broken.tar.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 1, 2, 3, 4, 5]);

        var error = Assert.Throws<CliException>(() => DeploySource.ReadTar(path));

        Assert.Contains("is not a valid .tar.gz", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "give what to deploy")]
    [InlineData("", " ", "give what to deploy")]
    [InlineData("nginx", "site", "not both")]
    public void Resolve_NeitherOrBoth_Fails(string? image, string? tar, string expected)
    {
        var error = Assert.Throws<CliException>(() => DeploySource.Resolve(image, tar, directory.Path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private static byte[] Tar(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                };
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }
}

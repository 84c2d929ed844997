using System.Formats.Tar;
using System.Text;
using Berth.Agent.Builds;
using Berth.Agent.Docker;

namespace Berth.Agent.Tests.Builds;

public sealed class ImageFilesTests
{
    [Theory]
    [InlineData("/app", "Procfile", "/app/Procfile")]
    [InlineData("/app/", "Procfile", "/app/Procfile")]
    [InlineData("/", "app.json", "/app.json")]
    [InlineData("/app", "/etc/Procfile", "/etc/Procfile")]
    public void PathIn_JoinsTheDirectory_UnlessTheNameIsAbsolute(string directory, string name, string expected) =>
        Assert.Equal(expected, ImageFiles.PathIn(directory, name));

    [Fact]
    public async Task ReadEntry_RegularFile_IsItsText()
    {
        using var archive = Archive(new PaxTarEntry(TarEntryType.RegularFile, "Procfile")
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes("web: ./serve\n")),
        });

        var (text, link) = await ImageFiles.ReadEntryAsync(archive, "/app/Procfile", CancellationToken.None);

        Assert.Equal(("web: ./serve\n", null), (text, link));
    }

    [Fact]
    public async Task ReadEntry_SymbolicLink_IsItsTarget()
    {
        using var archive = Archive(
            new PaxTarEntry(TarEntryType.SymbolicLink, "Procfile") { LinkName = "config/Procfile" });

        var (text, link) = await ImageFiles.ReadEntryAsync(archive, "/app/Procfile", CancellationToken.None);

        Assert.Equal((null, "config/Procfile"), (text, link));
    }

    [Fact]
    public async Task ReadEntry_Directory_IsNeither()
    {
        using var archive = Archive(new PaxTarEntry(TarEntryType.Directory, "Procfile/"));

        Assert.Equal((null, null), await ImageFiles.ReadEntryAsync(archive, "/Procfile", CancellationToken.None));
    }

    [Fact]
    public async Task ReadEntry_TooLarge_FailsWithThePath()
    {
        using var archive = Archive(new PaxTarEntry(TarEntryType.RegularFile, "app.json")
        {
            DataStream = new MemoryStream(new byte[ImageFiles.MaxBytes + 1]),
        });

        var error = await Assert.ThrowsAsync<DockerOperationException>(
            () => ImageFiles.ReadEntryAsync(archive, "/app/app.json", CancellationToken.None));

        Assert.Contains("/app/app.json is larger than 1 MiB", error.Message, StringComparison.Ordinal);
    }

    private static MemoryStream Archive(TarEntry entry)
    {
        var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, leaveOpen: true))
        {
            writer.WriteEntry(entry);
        }

        buffer.Position = 0;
        return buffer;
    }
}

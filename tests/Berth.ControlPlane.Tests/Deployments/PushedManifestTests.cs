using System.Formats.Tar;
using System.Text;
using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Store;

namespace Berth.ControlPlane.Tests.Deployments;

public sealed class PushedManifestTests
{
    [Fact]
    public void Read_TreeWithAppJsonAndChecks_KeepsBothTexts()
    {
        const string AppJson = """{ "scripts": { "dokku": { "predeploy": "./migrate" } } }""";
        var tar = Tar(("Dockerfile", "FROM base"), ("app.json", AppJson), ("CHECKS", "/health ok\n"));

        var manifest = PushedManifest.Read(tar);

        Assert.True(manifest.IsValid, string.Join(" ", manifest.Errors));
        Assert.Equal(new ReleaseSources(AppJson, "/health ok\n"), manifest.Value!.Sources);
        Assert.Equal("./migrate", manifest.Value.Manifest.Scripts.Predeploy);
    }

    [Fact]
    public void Read_ChecksBelowTheRoot_IsNotKept()
    {
        var manifest = PushedManifest.Read(Tar(("Dockerfile", "FROM base"), ("sub/CHECKS", "/health")));

        Assert.Equal(ReleaseSources.None, manifest.Value!.Sources);
    }

    [Fact]
    public void Read_BadScripts_FailsWithThePath()
    {
        var manifest = PushedManifest.Read(
            Tar(("Dockerfile", "FROM base"), ("app.json", """{ "scripts": { "dokku": { "predeploy": 1 } } }""")));

        Assert.False(manifest.IsValid);
        Assert.Contains("scripts.dokku.predeploy must be a string", manifest.Errors.Single(), StringComparison.Ordinal);
    }

    private static byte[] Tar(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                });
            }
        }

        return buffer.ToArray();
    }
}

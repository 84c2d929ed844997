using System.Formats.Tar;
using System.Text;
using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Store;

namespace Berth.ControlPlane.Tests.Deployments;

public sealed class ReleaseManifestTests
{
    [Fact]
    public void Read_TreeWithAppJsonAndChecks_KeepsBothTexts()
    {
        const string AppJson = """{ "scripts": { "dokku": { "predeploy": "./migrate" } } }""";
        var tar = Tar(("Dockerfile", "FROM base"), ("app.json", AppJson), ("CHECKS", "/health ok\n"));

        var manifest = Read(tar);

        Assert.True(manifest.IsValid, string.Join(" ", manifest.Errors));
        Assert.Equal(new ReleaseSources(AppJson, "/health ok\n"), manifest.Value!.Sources);
        Assert.Equal("./migrate", manifest.Value.Manifest.Scripts.Predeploy);
    }

    [Fact]
    public void Read_ChecksBelowTheRoot_IsNotKept()
    {
        var manifest = Read(Tar(("Dockerfile", "FROM base"), ("sub/CHECKS", "/health")));

        Assert.Equal(ReleaseSources.None, manifest.Value!.Sources);
    }

    [Fact]
    public void Read_BadScripts_FailsWithThePath()
    {
        var manifest = Read(
            Tar(("Dockerfile", "FROM base"), ("app.json", """{ "scripts": { "dokku": { "predeploy": 1 } } }""")));

        Assert.False(manifest.IsValid);
        Assert.Contains("scripts.dokku.predeploy must be a string", manifest.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileMissingFromTheTree_ComesFromTheImage_AndTheTreeWins()
    {
        var tree = ReleaseManifest.InTree(Tar(("Dockerfile", "FROM base"), ("CHECKS", "/tree")));
        var image = new FilesInImage("/app", new Dictionary<string, string>
        {
            ["Procfile"] = "web: ./serve\nworker: ./work\n",
            ["CHECKS"] = "/image",
        });

        var manifest = ReleaseManifest.Read(tree, image);

        Assert.True(manifest.IsValid, string.Join(" ", manifest.Errors));
        Assert.Equal(["web", "worker"], manifest.Value!.Processes.Keys);
        Assert.Equal("/tree", manifest.Value.Sources.ChecksFile);
    }

    [Fact]
    public void Read_BadProcfileInTheImage_SaysItCameFromTheImage()
    {
        var image = new FilesInImage("/srv", new Dictionary<string, string> { ["Procfile"] = "web ./serve\n" });

        var manifest = ReleaseManifest.Read(new Dictionary<string, string>(), image);

        Assert.False(manifest.IsValid);
        Assert.StartsWith("in the image's working directory /srv: Procfile line 1:", manifest.Errors.Single());
    }

    [Fact]
    public void InTree_HoldsOnlyTheReleaseFilesAtTheRoot()
    {
        var tree = ReleaseManifest.InTree(
            Tar(("Dockerfile", "FROM base"), ("Procfile", "web: x"), ("sub/app.json", "{}")));

        Assert.Equal(["Procfile"], tree.Keys);
    }

    private static Berth.Core.Validation.ValidationResult<ReleaseManifest> Read(byte[] tar) =>
        ReleaseManifest.Read(ReleaseManifest.InTree(tar), FilesInImage.None);

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

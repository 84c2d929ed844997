namespace Berth.ControlPlane.Security;

/// <summary>Writes files only their owner may read: the token and the config key.</summary>
public static class SecretFile
{
    /// <summary>Writes <paramref name="content"/> to a new file with mode 0600.</summary>
    public static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using var writer = new StreamWriter(path, options);
        writer.Write(content);
    }
}

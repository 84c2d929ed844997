using System.Text.Json;
using Berth.Cli.Errors;

namespace Berth.Cli.Configuration;

/// <summary>Reads and writes the CLI config file, readable by its owner only.</summary>
internal sealed class CliConfigStore
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates a store for the file at <paramref name="path"/>.</summary>
    public CliConfigStore(string path)
    {
        Path = path;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The saved config, or null when no file exists.</summary>
    public CliConfig? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        var config = Deserialize(File.ReadAllText(Path));
        if (config is null || string.IsNullOrWhiteSpace(config.Url) || string.IsNullOrWhiteSpace(config.Token))
        {
            throw Broken();
        }

        return config;
    }

    /// <summary>
    /// Saves <paramref name="config"/>: written to a private temporary file first and moved
    /// into place, so the token is never readable by others, even for a moment.
    /// </summary>
    public void Save(CliConfig config)
    {
        // Limitation: the token is kept in plain text, protected only by the file's 0600 mode (no OS keychain).
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        CreateDirectory(directory);

        var temporary = System.IO.Path.Combine(directory, $".cli.json.{Guid.NewGuid():N}.tmp");
        try
        {
            WritePrivate(temporary, JsonSerializer.Serialize(config, CliConfigJson.Default.CliConfig));
            File.Move(temporary, Path, overwrite: true);
            SetOwnerOnly(Path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private CliConfig? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, CliConfigJson.Default.CliConfig);
        }
        catch (JsonException exception)
        {
            throw Broken(exception);
        }
    }

    private CliException Broken(Exception? inner = null)
    {
        var message = $"the CLI config file {Path} is not valid; run berth login again";
        return inner is null ? new CliException(message) : new CliException(message, inner);
    }

    private static void CreateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, OwnerOnlyDirectory);
    }

    private static void WritePrivate(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(content);
        writer.WriteLine();
    }

    private static void SetOwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }
    }
}

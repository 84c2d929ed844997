using System.Text.Json;
using Berth.Agent.Options;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Supervision;

// Limitation: without --state-dir, restart counts and crash streaks live in the agent's memory only and start
// from 0 after an agent restart; Docker cannot carry them (labels are fixed at create, and RestartCount counts
// only Docker's own policy restarts and is reset by every start through the API).
/// <summary>
/// Keeps the restart records in <c>--state-dir</c>/<see cref="FileName"/> so that restart counts
/// and crash streaks survive a restart of the agent. Without <c>--state-dir</c> it does nothing.
/// </summary>
internal sealed partial class RestartStateFile(AgentOptions options, ILogger<RestartStateFile> logger)
{
    /// <summary>The file's name inside the state directory.</summary>
    public const string FileName = "restarts.json";

    private string? _lastWritten;
    private bool _saveFailing;

    /// <summary>The file's path; null when the agent has no state directory.</summary>
    public string? FilePath =>
        options.StateDirectory is { } directory ? Path.Combine(directory, FileName) : null;

    /// <summary>The records saved by the previous run of the agent; empty when there are none.</summary>
    public async Task<IReadOnlyList<RestartRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        if (FilePath is not { } path || !File.Exists(path))
        {
            return [];
        }

        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var records = RestartStateFormat.Read(text);
            _lastWritten = text;
            return records;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            Log.Unreadable(logger, path, ex.Message);
            return [];
        }
    }

    /// <summary>Writes <paramref name="records"/> when they differ from what the file holds.</summary>
    public async Task SaveAsync(
        IReadOnlyDictionary<string, RestartRecord> records,
        CancellationToken cancellationToken)
    {
        if (FilePath is not { } path)
        {
            return;
        }

        var text = RestartStateFormat.Write(records.Values);
        if (text == _lastWritten)
        {
            return;
        }

        try
        {
            // Written beside the file and moved over it, so a crash mid-write never leaves half a file.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, text, cancellationToken);
            File.Move(temporary, path, overwrite: true);

            _lastWritten = text;
            _saveFailing = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            NoteSaveFailed(path, ex);
        }
    }

    private void NoteSaveFailed(string path, Exception exception)
    {
        if (!_saveFailing)
        {
            _saveFailing = true;
            Log.NotSaved(logger, path, exception.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.RestartStateUnreadable, Level = LogLevel.Warning,
            Message = "The restart state file {Path} cannot be read ({Reason}); restart counts start from 0")]
        public static partial void Unreadable(ILogger logger, string path, string reason);

        [LoggerMessage(EventId = EventIds.RestartStateNotSaved, Level = LogLevel.Warning,
            Message = "The restart state file {Path} cannot be written ({Reason}); restart counts are kept "
                + "in memory only until it can")]
        public static partial void NotSaved(ILogger logger, string path, string reason);
    }
}

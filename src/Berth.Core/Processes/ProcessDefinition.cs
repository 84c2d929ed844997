namespace Berth.Core.Processes;

/// <summary>
/// One process type of a release and the command its instances run, as a Procfile line gives them.
/// </summary>
/// <param name="Type">The process type, e.g. <c>web</c> or <c>worker</c>.</param>
/// <param name="Command">The command as written, before quoting and <c>$VAR</c> expansion.</param>
public sealed record ProcessDefinition(string Type, string Command);

using Berth.Contracts;

namespace Berth.Agent.Builds;

/// <summary>What a build command asks the node to do.</summary>
internal enum BuildJobKind
{
    /// <summary>Build the fetched build context into the image and push it.</summary>
    Build,

    /// <summary>Pull an image, tag it as the release's image and push it.</summary>
    Pull,

    /// <summary>Run a script in a container of the image, and commit and push it when asked.</summary>
    Script,
}

/// <summary>Tells the kinds of build command apart.</summary>
internal static class BuildJobKinds
{
    /// <summary>
    /// The job <paramref name="command"/> asks for: a pull when it names one, else a script when
    /// it carries one, else a build of its context.
    /// </summary>
    public static BuildJobKind Of(BuildCommand command) =>
        command.Pull.Length > 0 ? BuildJobKind.Pull
        : command.Script is not null ? BuildJobKind.Script
        : BuildJobKind.Build;
}

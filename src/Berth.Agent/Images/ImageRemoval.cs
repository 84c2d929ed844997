using System.Net;

namespace Berth.Agent.Images;

/// <summary>How removing one image ended.</summary>
internal enum ImageRemoval
{
    /// <summary>The image was removed.</summary>
    Removed,

    /// <summary>The node did not have the image (any more).</summary>
    NotFound,

    /// <summary>A container still uses the image, so it stays.</summary>
    InUse,

    /// <summary>The engine refused for another reason.</summary>
    Failed,
}

/// <summary>Reads the engine's answer to an image removal.</summary>
internal static class ImageRemovals
{
    /// <summary>What an error status of <c>DELETE /images/NAME</c> means for a prune.</summary>
    public static ImageRemoval FromStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => ImageRemoval.NotFound,
        HttpStatusCode.Conflict => ImageRemoval.InUse,
        _ => ImageRemoval.Failed,
    };
}

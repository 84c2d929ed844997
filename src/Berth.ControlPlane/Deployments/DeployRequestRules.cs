using Berth.Contracts;
using Berth.Core.Apps;

namespace Berth.ControlPlane.Deployments;

/// <summary>
/// Checks the first message of a <c>Deploy</c> call: an app, and exactly one of an image reference
/// or the start of a tar. Pure, so every bad input is tested without a cluster.
/// </summary>
public static class DeployRequestRules
{
    /// <summary>The longest image reference accepted.</summary>
    public const int MaxImageLength = 512;

    /// <summary>
    /// Every error of <paramref name="first"/>, each a sentence that says what to do; none when valid.
    /// </summary>
    public static IReadOnlyList<string> Check(DeployRequest? first)
    {
        if (first is null)
        {
            return ["the deploy request was empty; name the app and give --image REF or --tar PATH"];
        }

        var errors = new List<string>();
        errors.AddRange(AppName.Validate(first.App).Errors);

        var hasImage = first.Image.Length > 0;
        var hasTar = !first.TarChunk.IsEmpty;
        if (hasImage && hasTar)
        {
            errors.Add("give either an image (--image) or a build context (--tar), not both");
        }
        else if (!hasImage && !hasTar)
        {
            errors.Add("give an image to deploy (--image REF) or a build context with a Dockerfile (--tar PATH)");
        }

        if (hasImage && ImageError(first.Image) is { } imageError)
        {
            errors.Add(imageError);
        }

        return errors;
    }

    /// <summary>Why <paramref name="image"/> cannot be an image reference; null when it can.</summary>
    public static string? ImageError(string image) =>
        image.Length > MaxImageLength ? $"the image reference is longer than {MaxImageLength} characters"
        : image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? $"'{image.Trim()}' is not an image reference: it holds spaces; give one like registry.example/shop:1.4"
        : image.StartsWith('-') ? $"'{image}' is not an image reference; give one like registry.example/shop:1.4"
        : null;
}

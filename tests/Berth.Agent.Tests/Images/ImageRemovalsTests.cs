using System.Net;
using Berth.Agent.Images;

namespace Berth.Agent.Tests.Images;

public sealed class ImageRemovalsTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, nameof(ImageRemoval.NotFound))]
    [InlineData(HttpStatusCode.Conflict, nameof(ImageRemoval.InUse))]
    [InlineData(HttpStatusCode.InternalServerError, nameof(ImageRemoval.Failed))]
    [InlineData(HttpStatusCode.BadRequest, nameof(ImageRemoval.Failed))]
    public void FromStatus_TellsGoneAndInUseApartFromFailures(HttpStatusCode status, string expected)
    {
        Assert.Equal(expected, ImageRemovals.FromStatus(status).ToString());
    }
}

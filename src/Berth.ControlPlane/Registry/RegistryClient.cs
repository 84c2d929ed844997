using System.Net;
using System.Net.Http.Headers;

namespace Berth.ControlPlane.Registry;

/// <summary>
/// The calls the control plane makes to the image registry's HTTP API (Distribution v2): whether
/// a manifest is still there, and deleting one. The registry must run with
/// <c>storage.delete.enabled: true</c> for deletes.
/// </summary>
// Limitation: the registry is reached over plain HTTP without credentials, as deploy/local-cluster.sh runs it.
public sealed class RegistryClient(HttpClient http, ControlPlaneOptions options)
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
    ];

    /// <summary>
    /// True when the registry has the manifest, false when it answers that it does not, null when
    /// it cannot be asked.
    /// </summary>
    public async Task<bool?> ManifestExistsAsync(RegistryImage image, CancellationToken ct)
    {
        try
        {
            using var request = Request(HttpMethod.Head, image);
            using var response = await http.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.NotFound ? false
                : response.IsSuccessStatusCode ? true
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes the manifest: whether this call deleted it, and why it could not be deleted (empty
    /// when it is gone now, also when it was gone already).
    /// </summary>
    public async Task<(bool Deleted, string Error)> DeleteManifestAsync(RegistryImage image, CancellationToken ct)
    {
        try
        {
            using var request = Request(HttpMethod.Delete, image);
            using var response = await http.SendAsync(request, ct);
            return response.StatusCode switch
            {
                HttpStatusCode.Accepted or HttpStatusCode.OK => (true, ""),
                HttpStatusCode.NotFound => (false, ""),
                HttpStatusCode.MethodNotAllowed =>
                    (false, "the registry does not allow deletes; run it with storage.delete.enabled: true"),
                var status => (false, $"the registry answered {(int)status} {response.ReasonPhrase}"),
            };
        }
        catch (HttpRequestException ex)
        {
            return (false, $"the registry at {options.Registry} could not be reached: {ex.Message}");
        }
    }

    private HttpRequestMessage Request(HttpMethod method, RegistryImage image)
    {
        var url = $"http://{options.Registry}/v2/{image.Repository}/manifests/{image.Digest}";
        var request = new HttpRequestMessage(method, url);
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        return request;
    }
}

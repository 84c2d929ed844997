using System.Globalization;
using System.Text;

namespace Berth.ControlPlane.Git;

/// <summary>Reads a CGI program's response: header lines, a blank line, then the body.</summary>
internal static class CgiResponse
{
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Reads the header block, leaving the stream at the first byte of the body.</summary>
    public static async Task<IReadOnlyList<(string Name, string Value)>> ReadHeadersAsync(
        Stream output,
        CancellationToken ct)
    {
        var headers = new List<(string, string)>();
        var line = new List<byte>();
        var one = new byte[1];

        while (await output.ReadAsync(one, ct) == 1)
        {
            if (one[0] != '\n')
            {
                line.Add(one[0]);
                if (line.Count > MaxHeaderBytes)
                {
                    throw new InvalidDataException("git http-backend sent a header line that is too long");
                }

                continue;
            }

            var text = Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                break;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add((text[..colon].Trim(), text[(colon + 1)..].Trim()));
            }
        }

        return headers;
    }

    /// <summary>Copies the headers to the response; <c>Status:</c> becomes the status code.</summary>
    public static void Apply(IReadOnlyList<(string Name, string Value)> headers, HttpResponse response)
    {
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
            }
            else
            {
                response.Headers.Append(name, value);
            }
        }
    }

    /// <summary>Copies the body, flushing every read so progress reaches the client at once.</summary>
    public static async Task CopyBodyAsync(Stream output, HttpResponse response, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await output.ReadAsync(buffer, ct)) > 0)
        {
            await response.Body.WriteAsync(buffer.AsMemory(0, read), ct);
            await response.Body.FlushAsync(ct);
        }
    }
}

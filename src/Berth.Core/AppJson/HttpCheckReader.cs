using System.Text.Json;
using Berth.Core.Health;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads the keys of an app.json check that shape its HTTP request: <c>scheme</c> (http or https,
/// any case), <c>content</c> (an empty string means none) and
/// <c>httpHeaders</c> (<c>[ { "name": ..., "value": ... } ]</c>, a missing value meaning empty).
/// </summary>
internal static class HttpCheckReader
{
    private const string HeadersExample = "[ { \"name\": \"Host\", \"value\": \"example.com\" } ]";

    private const string HeaderExample = "{ \"name\": \"Host\", \"value\": \"example.com\" }";

    /// <summary>The characters of an HTTP token besides letters and digits (RFC 9110).</summary>
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>
    /// The request settings the check's keys give; every bad value is added to <paramref name="errors"/>.
    /// </summary>
    public static (HealthCheckScheme Scheme, string? Content, IReadOnlyList<HttpHeader> Headers) Read(
        JsonElement check,
        string path,
        ICollection<string> errors)
    {
        var scheme = ReadScheme(check, path, errors);
        var content = JsonValues.ReadString(check, path, "content", errors);
        var headers = ReadHeaders(check, path, errors);

        return (scheme, string.IsNullOrEmpty(content) ? null : content, headers);
    }

    private static HealthCheckScheme ReadScheme(JsonElement check, string path, ICollection<string> errors)
    {
        var text = JsonValues.ReadString(check, path, "scheme", errors);
        if (text is null || text.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            return HealthCheckScheme.Http;
        }

        if (text.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return HealthCheckScheme.Https;
        }

        errors.Add($"app.json {path}.scheme must be http or https; it is \"{text}\".");
        return HealthCheckScheme.Http;
    }

    private static List<HttpHeader> ReadHeaders(JsonElement check, string path, ICollection<string> errors)
    {
        var headers = new List<HttpHeader>();
        var headersPath = $"{path}.httpHeaders";
        if (!JsonValues.TryGet(check, "httpHeaders", out var value))
        {
            return headers;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(
                $"app.json {headersPath} must be a list of headers, e.g. {HeadersExample}; "
                + $"it is {JsonValues.Describe(value)}.");
            return headers;
        }

        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var header = ReadHeader(element, $"{headersPath}[{index++}]", errors);
            if (header is not null)
            {
                headers.Add(header);
            }
        }

        return headers;
    }

    private static HttpHeader? ReadHeader(JsonElement element, string path, ICollection<string> errors)
    {
        if (!JsonValues.RequireObject(element, path, HeaderExample, errors))
        {
            return null;
        }

        var name = JsonValues.ReadString(element, path, "name", errors);
        var value = JsonValues.ReadString(element, path, "value", errors) ?? string.Empty;
        var valid = CheckName(name, element, path, errors) & CheckValue(value, path, errors);

        return valid ? new HttpHeader(name!, value) : null;
    }

    private static bool CheckName(string? name, JsonElement element, string path, ICollection<string> errors)
    {
        if (name is null)
        {
            if (!JsonValues.TryGet(element, "name", out _))
            {
                errors.Add($"app.json {path}.name is missing; name the header, e.g. \"Host\".");
            }

            return false;
        }

        if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c)))
        {
            return true;
        }

        errors.Add(
            $"app.json {path}.name must be an HTTP header name, made of letters, digits and {TokenSymbols}; "
            + $"it is \"{name}\".");
        return false;
    }

    private static bool CheckValue(string value, string path, ICollection<string> errors)
    {
        if (!value.Any(c => char.IsControl(c) && c != '\t'))
        {
            return true;
        }

        errors.Add($"app.json {path}.value must not contain line breaks or other control characters.");
        return false;
    }
}

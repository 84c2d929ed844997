using Berth.Core.Validation;

namespace Berth.Core.Domains;

/// <summary>The rules for domains added to an app: host names the edge can match.</summary>
public static class DomainName
{
    /// <summary>Checks <paramref name="domain"/> and returns it in lower case.</summary>
    public static ValidationResult<string> Validate(string? domain)
    {
        if (string.IsNullOrWhiteSpace(domain))
        {
            return ValidationResult<string>.Fail("the domain is empty; give a host name such as www.example.com.");
        }

        var host = domain.Trim().TrimEnd('.').ToLowerInvariant();
        var labels = host.Split('.');
        var valid = host.Length <= 253 && labels.All(IsLabel);

        return valid
            ? ValidationResult<string>.Ok(host)
            : ValidationResult<string>.Fail(
                $"'{domain}' is not a valid domain: give a host name of dot-separated labels " +
                "(letters, digits and inner hyphens), without scheme, port or path.");
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63
        && label[0] != '-'
        && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

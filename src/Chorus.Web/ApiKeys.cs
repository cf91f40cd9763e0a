using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Chorus.Web;

/// <summary>
/// The configured API keys and the check of a request's <c>Authorization: Bearer KEY</c>. Keys are compared in
/// constant time. With no key configured nothing can write: a server never accepts writes by accident.
/// </summary>
public sealed class ApiKeys
{
    private readonly List<byte[]> _keys;

    public ApiKeys(IOptions<ChorusWebOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Value.ApiKeys))
        {
            keys.AddRange(options.Value.ApiKeys.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        if (!string.IsNullOrWhiteSpace(options.Value.ApiKeyFile))
        {
            if (!File.Exists(options.Value.ApiKeyFile))
            {
                throw new InvalidOperationException($"{options.Value.ApiKeyFile}: no such API key file");
            }

            keys.AddRange(File.ReadAllLines(options.Value.ApiKeyFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
        }

        _keys = keys.Select(k => Encoding.UTF8.GetBytes(k)).ToList();
    }

    public bool AnyConfigured => _keys.Count > 0;

    /// <summary>
    /// Whether the request carries one of the keys: <c>Authorization: Bearer KEY</c> from programs, or HTTP Basic with
    /// the key as password (any user name) from a browser, which asks for it when a page answers 401.
    /// </summary>
    public bool Accepts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        string key;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = header[7..].Trim();
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && BasicPassword(header[6..].Trim()) is { } password)
        {
            key = password;
        }
        else
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(key);
        var match = false;
        foreach (var known in _keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(given, known);
        }

        return match;
    }

    private static string? BasicPassword(string encoded)
    {
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : text[(colon + 1)..];
    }
}

/// <summary>That an endpoint needs a key: always for writes, for reads only on a private server.</summary>
internal sealed record KeyRequirement(bool OnlyWhenPrivate)
{
    /// <summary>
    /// Checks the key of a request to an endpoint that needs one, before the endpoint reads its body: a request without a
    /// key is refused without a byte of its body parsed. The 401 carries a Basic challenge, so a browser asks for the key.
    /// </summary>
    public static async Task<bool> RefuseAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<KeyRequirement>() is not { } requirement)
        {
            return false;
        }

        var keys = http.RequestServices.GetRequiredService<ApiKeys>();
        var isPrivate = http.RequestServices.GetRequiredService<IOptions<ChorusWebOptions>>().Value.Private;
        if ((requirement.OnlyWhenPrivate && !isPrivate) || keys.Accepts(http.Request))
        {
            return false;
        }

        if (!http.Request.Headers.ContainsKey("X-Requested-With"))
        {
            // A browser asks for a login on this header; the pages' own script (which sends X-Requested-With) shows
            // the problem instead of a login box it cannot answer.
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Chorus\", charset=\"UTF-8\"";
        }

        await TypedResults.Problem(
            title: "API key required",
            detail: keys.AnyConfigured
                ? "Send 'Authorization: Bearer KEY' with one of the server's keys (in a browser: any user name, the key as password)."
                : "This server has no API keys: start it with --api-key-file FILE or CHORUS_API_KEYS to allow this.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(http).ConfigureAwait(false);
        return true;
    }
}

internal static class KeyRequirementExtensions
{
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, bool onlyWhenPrivate)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new KeyRequirement(onlyWhenPrivate));
}

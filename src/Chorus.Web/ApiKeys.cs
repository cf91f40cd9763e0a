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

    /// <summary>Whether the request carries one of the keys.</summary>
    public bool Accepts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[7..].Trim());
        var match = false;
        foreach (var key in _keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(given, key);
        }

        return match;
    }
}

/// <summary>Endpoint filters that demand a key: always for writes, for reads only on a private server.</summary>
internal static class KeyRequirement
{
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, bool onlyWhenPrivate)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var keys = http.RequestServices.GetRequiredService<ApiKeys>();
            var isPrivate = http.RequestServices.GetRequiredService<IOptions<ChorusWebOptions>>().Value.Private;
            if ((!onlyWhenPrivate || isPrivate) && !keys.Accepts(http.Request))
            {
                return TypedResults.Problem(
                    title: "API key required",
                    detail: keys.AnyConfigured
                        ? "Send 'Authorization: Bearer KEY' with one of the server's keys."
                        : "This server has no API keys: start it with --api-key-file FILE or CHORUS_API_KEYS to allow this.",
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            return await next(context).ConfigureAwait(false);
        });
}

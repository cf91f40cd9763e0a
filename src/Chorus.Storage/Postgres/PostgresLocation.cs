using Chorus.Core.Time;
using Npgsql;

namespace Chorus.Storage.Postgres;

/// <summary>
/// A PostgreSQL store named on the command line or in <c>$CHORUS_DB</c>: a URI (<c>postgresql://user:password@host:port/db?sslmode=require</c>,
/// also <c>postgres://</c>) or an Npgsql connection string (<c>Host=…;Database=…</c>). <see cref="Display"/> never shows the password.
/// </summary>
public sealed record PostgresLocation(string ConnectionString, string Display)
{
    /// <summary>Whether <paramref name="db"/> names a PostgreSQL store rather than a SQLite file.</summary>
    public static bool Names(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = db.TrimStart();
        return text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("host=", StringComparison.OrdinalIgnoreCase)
            || text.Contains(";host=", StringComparison.OrdinalIgnoreCase);
    }

    public static ParseResult<PostgresLocation> Parse(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = db.Trim();
        NpgsqlConnectionStringBuilder builder;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "postgresql" && uri.Scheme != "postgres") || string.IsNullOrEmpty(uri.Host))
            {
                return ParseResult<PostgresLocation>.Fail("not a PostgreSQL URI (postgresql://user:password@host:port/database)");
            }

            builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
            if (!uri.IsDefaultPort && uri.Port > 0)
            {
                builder.Port = uri.Port;
            }

            var user = uri.UserInfo.Split(':', 2);
            if (user[0].Length > 0)
            {
                builder.Username = Uri.UnescapeDataString(user[0]);
            }

            if (user.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(user[1]);
            }

            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0)
            {
                builder.Database = database;
            }

            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
                switch (kv[0].ToLowerInvariant())
                {
                    case "sslmode" when Enum.TryParse<SslMode>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode):
                        builder.SslMode = mode;
                        break;
                    case "application_name":
                        builder.ApplicationName = value;
                        break;
                    default:
                        return ParseResult<PostgresLocation>.Fail($"unknown or invalid URI parameter '{kv[0]}' (known: sslmode, application_name)");
                }
            }
        }
        else
        {
            try
            {
                builder = new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException e)
            {
                return ParseResult<PostgresLocation>.Fail("not a valid connection string: " + e.Message);
            }

            if (string.IsNullOrEmpty(builder.Host))
            {
                return ParseResult<PostgresLocation>.Fail("the connection string names no Host");
            }
        }

        var shown = $"postgresql://{(string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database}";
        return ParseResult<PostgresLocation>.Ok(new PostgresLocation(builder.ConnectionString, shown));
    }
}

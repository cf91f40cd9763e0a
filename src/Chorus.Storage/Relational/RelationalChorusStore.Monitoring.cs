using System.Data.Common;
using System.Globalization;
using Chorus.Core.Monitoring;
using Chorus.Core.Outlets;

namespace Chorus.Storage.Relational;

// Outlets, watchlists, alerts and watch state: the same SQL on every engine.
public abstract partial class RelationalChorusStore
{
    public async Task SaveOutletsAsync(IReadOnlyCollection<Outlet> outlets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        foreach (var outlet in outlets)
        {
            using var cmd = Connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO outlets (name, country, language, owner) VALUES (@n, @c, @l, @o)
                ON CONFLICT (name) DO UPDATE SET country = excluded.country, language = excluded.language, owner = excluded.owner
                """;
            cmd.AddValue("@n", outlet.Name);
            cmd.AddValue("@c", outlet.Country);
            cmd.AddValue("@l", outlet.Language);
            cmd.AddValue("@o", outlet.Owner);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<(Outlet Outlet, int Articles)>> ListOutletsAsync(CancellationToken cancellationToken = default)
    {
        using var cmd = Connection.CreateCommand();
        // Articles name their outlet in "source"; a described outlet without articles is listed with 0.
        cmd.CommandText = """
            SELECT o.name, o.country, o.language, o.owner, COALESCE(a.n, 0) FROM outlets o
              LEFT JOIN (SELECT source, COUNT(*) AS n FROM articles WHERE source IS NOT NULL GROUP BY source) a ON a.source = o.name
            UNION ALL
            SELECT a.source, NULL, NULL, NULL, COUNT(*) FROM articles a
             WHERE a.source IS NOT NULL AND a.source NOT IN (SELECT name FROM outlets)
             GROUP BY a.source
            """;
        var list = new List<(Outlet, int)>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add((new Outlet(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3)), Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        await reader.DisposeAsync().ConfigureAwait(false);

        // An article that names no outlet but has a URL is shown under its domain (OutletNames.Of): list those too.
        using var byUrl = Connection.CreateCommand();
        byUrl.CommandText = "SELECT url FROM articles WHERE source IS NULL AND url IS NOT NULL";
        var domains = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var urls = await byUrl.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await urls.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (OutletNames.Domain(urls.GetString(0)) is { } domain)
                {
                    domains[domain] = domains.GetValueOrDefault(domain) + 1;
                }
            }
        }

        foreach (var (domain, count) in domains)
        {
            var at = list.FindIndex(o => string.Equals(o.Item1.Name, domain, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                list[at] = (list[at].Item1, list[at].Item2 + count);
            }
            else
            {
                list.Add((new Outlet(domain), count));
            }
        }

        return list.OrderByDescending(o => o.Item2).ThenBy(o => o.Item1.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task SaveWatchlistAsync(Watchlist watchlist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO watchlists (name, entity_id, entity_name, query, outlet, min_sources, breaking_sources, breaking_hours, conflicts, webhook, created_at)
            VALUES (@n, @e, @en, @q, @o, @m, @bs, @bh, @c, @w, @at)
            ON CONFLICT (name) DO UPDATE SET entity_id = excluded.entity_id, entity_name = excluded.entity_name, query = excluded.query,
              outlet = excluded.outlet, min_sources = excluded.min_sources, breaking_sources = excluded.breaking_sources,
              breaking_hours = excluded.breaking_hours, conflicts = excluded.conflicts, webhook = excluded.webhook
            """;
        cmd.AddValue("@n", watchlist.Name);
        cmd.AddValue("@e", watchlist.EntityId);
        cmd.AddValue("@en", watchlist.EntityName);
        cmd.AddValue("@q", watchlist.Query);
        cmd.AddValue("@o", watchlist.Outlet);
        cmd.AddValue("@m", watchlist.MinSources);
        cmd.AddValue("@bs", watchlist.BreakingSources);
        cmd.AddValue("@bh", watchlist.BreakingHours);
        cmd.AddValue("@c", watchlist.Conflicts ? 1 : 0);
        cmd.AddValue("@w", watchlist.Webhook);
        cmd.AddValue("@at", Iso(watchlist.CreatedAt));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveWatchlistAsync(string name, CancellationToken cancellationToken = default)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "DELETE FROM watchlists WHERE name = @n";
        cmd.AddValue("@n", name);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<Watchlist>> ListWatchlistsAsync(CancellationToken cancellationToken = default)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT name, entity_id, entity_name, query, outlet, min_sources, breaking_sources, breaking_hours, conflicts, webhook, created_at FROM watchlists ORDER BY name";
        var list = new List<Watchlist>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Watchlist(
                reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture) != 0,
                NullableString(reader, 9), ParseInstant(reader.GetString(10))));
        }

        return list;
    }

    public async Task<Alert?> AddAlertAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var cmd = Connection.CreateCommand();
        // The unique key makes a second firing (a restarted watcher, two workers) a no-op.
        cmd.CommandText = """
            INSERT INTO alerts (key, watchlist, story_id, kind, title, message, sources, created_at)
            VALUES (@k, @w, @s, @kind, @t, @m, @n, @at)
            ON CONFLICT (key) DO NOTHING
            RETURNING seq
            """;
        cmd.AddValue("@k", alert.Key);
        cmd.AddValue("@w", alert.Watchlist);
        cmd.AddValue("@s", alert.StoryId);
        cmd.AddValue("@kind", AlertKinds.Name(alert.Kind));
        cmd.AddValue("@t", alert.Title);
        cmd.AddValue("@m", alert.Message);
        cmd.AddValue("@n", alert.Sources);
        cmd.AddValue("@at", Iso(alert.At));
        var seq = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return seq is null or DBNull ? null : alert with { Seq = Convert.ToInt64(seq, CultureInfo.InvariantCulture) };
    }

    public async Task<IReadOnlyList<Alert>> ListAlertsAsync(DateTimeOffset? since, bool unacknowledgedOnly, int limit, CancellationToken cancellationToken = default)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = """
            SELECT seq, key, watchlist, story_id, kind, title, message, sources, created_at, acked_at FROM alerts
             WHERE (@since IS NULL OR created_at >= @since) AND (@open = 0 OR acked_at IS NULL)
             ORDER BY seq DESC LIMIT @limit
            """;
        cmd.AddValue("@since", since is { } s ? Iso(s) : null);
        cmd.AddValue("@open", unacknowledgedOnly ? 1 : 0);
        cmd.AddValue("@limit", Math.Max(0, limit));
        var list = new List<Alert>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Alert(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                AlertKinds.Parse(reader.GetString(4)) ?? AlertKind.Appeared, reader.GetString(5), reader.GetString(6),
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture), ParseInstant(reader.GetString(8)),
                reader.IsDBNull(9) ? null : ParseInstant(reader.GetString(9))));
        }

        return list;
    }

    public async Task<int> CountUnacknowledgedAlertsAsync(CancellationToken cancellationToken = default)
        => (int)await ScalarAsync<long>("SELECT COUNT(*) FROM alerts WHERE acked_at IS NULL", cancellationToken).ConfigureAwait(false);

    public async Task<int> AcknowledgeAlertsAsync(IReadOnlyCollection<long>? seqs, CancellationToken cancellationToken = default)
    {
        using var cmd = Connection.CreateCommand();
        cmd.AddValue("@at", Iso(DateTimeOffset.UtcNow));
        if (seqs is null)
        {
            cmd.CommandText = "UPDATE alerts SET acked_at = @at WHERE acked_at IS NULL";
        }
        else
        {
            if (seqs.Count == 0)
            {
                return 0;
            }

            var names = seqs.Select((s, i) =>
            {
                cmd.AddValue("@s" + i.ToString(CultureInfo.InvariantCulture), s);
                return "@s" + i.ToString(CultureInfo.InvariantCulture);
            }).ToList();
            cmd.CommandText = $"UPDATE alerts SET acked_at = @at WHERE acked_at IS NULL AND seq IN ({string.Join(',', names)})";
        }

        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> IngestedAtAsync(IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var page in articleIds.Chunk(500))
        {
            using var cmd = Connection.CreateCommand();
            var names = page.Select((id, i) =>
            {
                cmd.AddValue("@a" + i.ToString(CultureInfo.InvariantCulture), id);
                return "@a" + i.ToString(CultureInfo.InvariantCulture);
            }).ToList();
            cmd.CommandText = $"SELECT id, ingested_at FROM articles WHERE id IN ({string.Join(',', names)})";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[reader.GetString(0)] = ParseInstant(reader.GetString(1));
            }
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, string>> WatchStateAsync(string source, CancellationToken cancellationToken = default)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT item, value FROM watch_state WHERE source = @s";
        cmd.AddValue("@s", source);
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            state[reader.GetString(0)] = reader.GetString(1);
        }

        return state;
    }

    public async Task SaveWatchStateAsync(string source, IReadOnlyDictionary<string, string?> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (item, value) in items)
        {
            using var cmd = Connection.CreateCommand();
            cmd.Transaction = transaction;
            cmd.CommandText = value is null
                ? "DELETE FROM watch_state WHERE source = @s AND item = @i"
                : "INSERT INTO watch_state (source, item, value) VALUES (@s, @i, @v) ON CONFLICT (source, item) DO UPDATE SET value = excluded.value";
            cmd.AddValue("@s", source);
            cmd.AddValue("@i", item);
            if (value is not null)
            {
                cmd.AddValue("@v", value);
            }

            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

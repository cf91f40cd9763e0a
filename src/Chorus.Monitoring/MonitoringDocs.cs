using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Monitoring;
using Chorus.Core.Outlets;

namespace Chorus.Monitoring;

/// <summary>Monitoring records as contract documents, for the CLI's --json, the API and the web pages alike.</summary>
public static class MonitoringDocs
{
    public static OutletDoc Outlet((Outlet Outlet, int Articles) o) => new(o.Outlet.Name, o.Outlet.Country, o.Outlet.Language, o.Outlet.Owner, o.Articles);

    public static WatchlistDoc Watchlist(Watchlist w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new WatchlistDoc(w.Name, w.EntityId, w.EntityName, w.Query, w.Outlet, w.MinSources, w.BreakingSources, w.BreakingHours, w.Conflicts, w.Webhook, Instant(w.CreatedAt));
    }

    public static AlertDoc Alert(Alert a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AlertDoc(a.Seq, a.Watchlist, a.StoryId, AlertKinds.Name(a.Kind), a.Title, a.Message, a.Sources, Instant(a.At), a.AcknowledgedAt is { } acked ? Instant(acked) : null);
    }

    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

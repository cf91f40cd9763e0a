namespace Chorus.Storage.Sqlite;

/// <summary>
/// Schema versions, applied in order and recorded in <c>PRAGMA user_version</c>. Never edit a released
/// step; add a new one.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE articles (
            id           TEXT PRIMARY KEY,
            seq          INTEGER NOT NULL UNIQUE,
            ref          TEXT NOT NULL,
            content_key  TEXT NOT NULL UNIQUE,
            source       TEXT,
            date         TEXT,
            date_start   TEXT,
            date_end     TEXT,
            lang         TEXT NOT NULL,
            title        TEXT,
            text         TEXT NOT NULL,
            url          TEXT,
            external_id  TEXT,
            duplicate_of TEXT,
            story_id     TEXT,
            assignment   TEXT,
            signature    BLOB,
            ingested_at  TEXT NOT NULL
        );
        CREATE INDEX articles_ref ON articles(ref);
        CREATE INDEX articles_story ON articles(story_id);
        CREATE TABLE article_bands (
            band       INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id)
        );
        CREATE INDEX article_bands_band ON article_bands(band);
        CREATE TABLE stories (
            id            TEXT PRIMARY KEY,
            title         TEXT NOT NULL,
            first_date    TEXT,
            last_date     TEXT,
            article_count INTEGER NOT NULL,
            profile       TEXT NOT NULL
        );
        CREATE INDEX stories_dates ON stories(last_date, first_date);
        CREATE TABLE term_df (
            term TEXT PRIMARY KEY,
            df   INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE corpus (
            key   TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT INTO corpus(key, value) VALUES ('documents', 0);
        """,
        """
        CREATE TABLE entities (
            id       TEXT PRIMARY KEY,
            type     TEXT NOT NULL,
            name     TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            variants TEXT NOT NULL
        );
        CREATE INDEX entities_mentions ON entities(mentions DESC);
        CREATE TABLE entity_blocks (
            block     TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (block, entity_id)
        ) WITHOUT ROWID;
        CREATE TABLE entity_occurrences (
            article_id TEXT NOT NULL,
            type       TEXT NOT NULL,
            local_name TEXT NOT NULL,
            entity_id  TEXT NOT NULL,
            mentions   INTEGER NOT NULL,
            PRIMARY KEY (article_id, type, local_name)
        );
        CREATE INDEX entity_occurrences_entity ON entity_occurrences(entity_id);
        CREATE TABLE entity_aliases (
            from_id TEXT PRIMARY KEY,
            to_id   TEXT NOT NULL
        );
        CREATE TABLE entity_pins (
            type      TEXT NOT NULL,
            name      TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (type, name)
        );
        """,
        """
        CREATE TABLE story_corrections (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            kind       TEXT NOT NULL,
            story_id   TEXT NOT NULL,
            target_id  TEXT NOT NULL,
            articles   TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX story_corrections_story ON story_corrections(story_id);
        CREATE INDEX story_corrections_target ON story_corrections(target_id);
        CREATE TABLE story_aliases (
            from_id TEXT PRIMARY KEY,
            to_id   TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        ALTER TABLE articles ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;
        """,
        """
        CREATE TABLE entity_corrections (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            kind       TEXT NOT NULL,
            entity_id  TEXT NOT NULL,
            other_id   TEXT NOT NULL,
            variant    TEXT,
            moved      INTEGER NOT NULL,
            undo       TEXT NOT NULL,
            created_at TEXT NOT NULL,
            undone_at  TEXT
        );
        """,
        """
        ALTER TABLE story_corrections ADD COLUMN previous TEXT;
        ALTER TABLE story_corrections ADD COLUMN undone_at TEXT;
        """,
        """
        CREATE TABLE article_analysis (
            article_id TEXT PRIMARY KEY,
            version    INTEGER NOT NULL,
            layers     BLOB NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        CREATE TABLE ingest_chunks (
            run   TEXT NOT NULL,
            chunk INTEGER NOT NULL,
            PRIMARY KEY (run, chunk)
        ) WITHOUT ROWID;
        CREATE INDEX stories_newest ON stories(last_date DESC, article_count DESC, id);
        """,
        """
        CREATE TABLE outlets (
            name     TEXT PRIMARY KEY,
            country  TEXT,
            language TEXT,
            owner    TEXT
        );
        CREATE INDEX articles_source ON articles(source);
        CREATE TABLE watchlists (
            name             TEXT PRIMARY KEY,
            entity_id        TEXT,
            entity_name      TEXT,
            query            TEXT,
            outlet           TEXT,
            min_sources      INTEGER NOT NULL,
            breaking_sources INTEGER NOT NULL,
            breaking_hours   INTEGER NOT NULL,
            conflicts        INTEGER NOT NULL,
            webhook          TEXT,
            created_at       TEXT NOT NULL
        );
        CREATE TABLE alerts (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            key        TEXT NOT NULL UNIQUE,
            watchlist  TEXT NOT NULL,
            story_id   TEXT NOT NULL,
            kind       TEXT NOT NULL,
            title      TEXT NOT NULL,
            message    TEXT NOT NULL,
            sources    INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            acked_at   TEXT
        );
        CREATE INDEX alerts_created ON alerts(created_at);
        CREATE TABLE watch_state (
            source TEXT NOT NULL,
            item   TEXT NOT NULL,
            value  TEXT NOT NULL,
            PRIMARY KEY (source, item)
        ) WITHOUT ROWID;
        """,
        // Independent sources counted in the store, so lists filter and sort by them in SQL: each article's outlet
        // key (written with the article), each story's count (written with the batch that changed it). -1: not yet
        // counted; the store counts every such story when it opens (stores made before this step). Beside it, whether
        // the story is a recurring column (one headline on three or more days), which browsing leaves out.
        """
        ALTER TABLE articles ADD COLUMN outlet_key TEXT;
        ALTER TABLE stories ADD COLUMN source_count INTEGER NOT NULL DEFAULT -1;
        ALTER TABLE stories ADD COLUMN recurring INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX stories_sources ON stories(source_count);
        CREATE INDEX articles_outlet_key ON articles(outlet_key);
        """,
        // SQLite reads a row's columns in order, and a column after a long text is reached only through the text's
        // overflow pages: every list, entity page and text search read an article's story, address and outlet from
        // behind its text. The table is rebuilt with the text, assignment and signature last (foreign keys are off
        // while steps run; the runner checks them before it commits).
        """
        CREATE TABLE articles_reordered (
            id           TEXT PRIMARY KEY,
            seq          INTEGER NOT NULL UNIQUE,
            ref          TEXT NOT NULL,
            content_key  TEXT NOT NULL UNIQUE,
            source       TEXT,
            date         TEXT,
            date_start   TEXT,
            date_end     TEXT,
            lang         TEXT NOT NULL,
            title        TEXT,
            url          TEXT,
            external_id  TEXT,
            duplicate_of TEXT,
            story_id     TEXT,
            ingested_at  TEXT NOT NULL,
            summary_only INTEGER NOT NULL DEFAULT 0,
            outlet_key   TEXT,
            assignment   TEXT,
            signature    BLOB,
            text         TEXT NOT NULL
        );
        INSERT INTO articles_reordered (id, seq, ref, content_key, source, date, date_start, date_end, lang, title, url, external_id, duplicate_of, story_id, ingested_at, summary_only, outlet_key, assignment, signature, text)
            SELECT id, seq, ref, content_key, source, date, date_start, date_end, lang, title, url, external_id, duplicate_of, story_id, ingested_at, summary_only, outlet_key, assignment, signature, text FROM articles ORDER BY seq;
        DROP TABLE articles;
        ALTER TABLE articles_reordered RENAME TO articles;
        CREATE INDEX articles_ref ON articles(ref);
        CREATE INDEX articles_story ON articles(story_id);
        CREATE INDEX articles_source ON articles(source);
        CREATE INDEX articles_outlet_key ON articles(outlet_key);
        """,
    ];
}

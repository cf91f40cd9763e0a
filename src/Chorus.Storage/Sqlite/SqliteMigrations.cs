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
        // An entity page is counted, charted and paged from figures kept beside the occurrences, so it costs a page,
        // not the entity's articles (a name in 200,000 articles was read whole for every request). The triggers keep
        // them for every writer and every correction alike: one row per entity and article (with the article's date
        // and order, for the newest-first page), articles per month, articles per story, and the two totals.
        """
        CREATE TABLE entity_articles (
            entity_id  TEXT NOT NULL,
            article_id TEXT NOT NULL,
            date       TEXT,
            seq        INTEGER NOT NULL,
            names      INTEGER NOT NULL,
            PRIMARY KEY (entity_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX entity_articles_newest ON entity_articles(entity_id, date DESC, seq DESC);
        CREATE INDEX entity_articles_article ON entity_articles(article_id);
        CREATE TABLE entity_months (
            entity_id TEXT NOT NULL,
            month     TEXT NOT NULL,
            articles  INTEGER NOT NULL,
            PRIMARY KEY (entity_id, month)
        ) WITHOUT ROWID;
        CREATE TABLE entity_stories (
            entity_id TEXT NOT NULL,
            story_id  TEXT NOT NULL,
            articles  INTEGER NOT NULL,
            PRIMARY KEY (entity_id, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX entity_stories_story ON entity_stories(story_id);
        CREATE TABLE entity_totals (
            entity_id TEXT PRIMARY KEY,
            articles  INTEGER NOT NULL,
            stories   INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO entity_articles (entity_id, article_id, date, seq, names)
            SELECT o.entity_id, o.article_id, a.date, a.seq, COUNT(*) FROM entity_occurrences o JOIN articles a ON a.id = o.article_id GROUP BY o.entity_id, o.article_id;
        INSERT INTO entity_months (entity_id, month, articles)
            SELECT entity_id, CASE WHEN length(date) >= 7 THEN substr(date, 1, 7) ELSE date || '-01' END AS month, COUNT(*) FROM entity_articles WHERE date IS NOT NULL GROUP BY entity_id, month;
        INSERT INTO entity_stories (entity_id, story_id, articles)
            SELECT e.entity_id, a.story_id, COUNT(*) FROM entity_articles e JOIN articles a ON a.id = e.article_id WHERE a.story_id IS NOT NULL GROUP BY e.entity_id, a.story_id;
        INSERT INTO entity_totals (entity_id, articles, stories)
            SELECT entity_id, COUNT(*), (SELECT COUNT(*) FROM entity_stories s WHERE s.entity_id = e.entity_id) FROM entity_articles e GROUP BY entity_id;
        CREATE TRIGGER entity_occurrence_added AFTER INSERT ON entity_occurrences BEGIN
            INSERT INTO entity_articles (entity_id, article_id, date, seq, names)
                SELECT NEW.entity_id, a.id, a.date, a.seq, 1 FROM articles a WHERE a.id = NEW.article_id
                ON CONFLICT (entity_id, article_id) DO UPDATE SET names = names + 1;
        END;
        CREATE TRIGGER entity_occurrence_removed AFTER DELETE ON entity_occurrences BEGIN
            UPDATE entity_articles SET names = names - 1 WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id;
            DELETE FROM entity_articles WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id AND names <= 0;
        END;
        CREATE TRIGGER entity_occurrence_moved AFTER UPDATE OF entity_id, article_id ON entity_occurrences
            WHEN OLD.entity_id <> NEW.entity_id OR OLD.article_id <> NEW.article_id BEGIN
            UPDATE entity_articles SET names = names - 1 WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id;
            DELETE FROM entity_articles WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id AND names <= 0;
            INSERT INTO entity_articles (entity_id, article_id, date, seq, names)
                SELECT NEW.entity_id, a.id, a.date, a.seq, 1 FROM articles a WHERE a.id = NEW.article_id
                ON CONFLICT (entity_id, article_id) DO UPDATE SET names = names + 1;
        END;
        CREATE TRIGGER entity_article_added AFTER INSERT ON entity_articles BEGIN
            INSERT INTO entity_totals (entity_id, articles, stories) VALUES (NEW.entity_id, 1, 0)
                ON CONFLICT (entity_id) DO UPDATE SET articles = articles + 1;
            INSERT INTO entity_months (entity_id, month, articles)
                SELECT NEW.entity_id, CASE WHEN length(NEW.date) >= 7 THEN substr(NEW.date, 1, 7) ELSE NEW.date || '-01' END, 1 WHERE NEW.date IS NOT NULL
                ON CONFLICT (entity_id, month) DO UPDATE SET articles = articles + 1;
            INSERT INTO entity_stories (entity_id, story_id, articles)
                SELECT NEW.entity_id, a.story_id, 1 FROM articles a WHERE a.id = NEW.article_id AND a.story_id IS NOT NULL
                ON CONFLICT (entity_id, story_id) DO UPDATE SET articles = articles + 1;
        END;
        CREATE TRIGGER entity_article_removed AFTER DELETE ON entity_articles BEGIN
            UPDATE entity_totals SET articles = articles - 1 WHERE entity_id = OLD.entity_id;
            UPDATE entity_months SET articles = articles - 1
                WHERE entity_id = OLD.entity_id AND month = CASE WHEN length(OLD.date) >= 7 THEN substr(OLD.date, 1, 7) ELSE OLD.date || '-01' END;
            DELETE FROM entity_months WHERE entity_id = OLD.entity_id AND articles <= 0;
            UPDATE entity_stories SET articles = articles - 1
                WHERE entity_id = OLD.entity_id AND story_id = (SELECT story_id FROM articles WHERE id = OLD.article_id);
            DELETE FROM entity_stories WHERE entity_id = OLD.entity_id AND story_id = (SELECT story_id FROM articles WHERE id = OLD.article_id) AND articles <= 0;
        END;
        CREATE TRIGGER entity_story_added AFTER INSERT ON entity_stories BEGIN
            UPDATE entity_totals SET stories = stories + 1 WHERE entity_id = NEW.entity_id;
        END;
        CREATE TRIGGER entity_story_removed AFTER DELETE ON entity_stories BEGIN
            UPDATE entity_totals SET stories = stories - 1 WHERE entity_id = OLD.entity_id;
        END;
        CREATE TRIGGER article_story_moved AFTER UPDATE OF story_id ON articles WHEN OLD.story_id IS NOT NEW.story_id BEGIN
            UPDATE entity_stories SET articles = articles - 1
                WHERE story_id = OLD.story_id AND entity_id IN (SELECT entity_id FROM entity_articles WHERE article_id = NEW.id);
            DELETE FROM entity_stories
                WHERE story_id = OLD.story_id AND articles <= 0 AND entity_id IN (SELECT entity_id FROM entity_articles WHERE article_id = NEW.id);
            INSERT INTO entity_stories (entity_id, story_id, articles)
                SELECT entity_id, NEW.story_id, 1 FROM entity_articles WHERE article_id = NEW.id AND NEW.story_id IS NOT NULL
                ON CONFLICT (entity_id, story_id) DO UPDATE SET articles = articles + 1;
        END;
        """,
        // A version per story that every write of an occurrence in one of its articles, and every article joining or
        // leaving it, moves on: a server keeps what it worked out from a story's entities (the key entities of a list
        // item) under it, and never serves it stale whoever wrote.
        """
        CREATE TABLE story_entity_versions (
            story_id TEXT PRIMARY KEY,
            version  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TRIGGER story_entity_version_added AFTER INSERT ON entity_occurrences BEGIN
            INSERT INTO story_entity_versions (story_id, version) SELECT story_id, 1 FROM articles WHERE id = NEW.article_id AND story_id IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_entity_version_removed AFTER DELETE ON entity_occurrences BEGIN
            INSERT INTO story_entity_versions (story_id, version) SELECT story_id, 1 FROM articles WHERE id = OLD.article_id AND story_id IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_entity_version_changed AFTER UPDATE ON entity_occurrences BEGIN
            INSERT INTO story_entity_versions (story_id, version) SELECT story_id, 1 FROM articles WHERE id IN (OLD.article_id, NEW.article_id) AND story_id IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_entity_version_moved AFTER UPDATE OF story_id ON articles WHEN OLD.story_id IS NOT NEW.story_id BEGIN
            INSERT INTO story_entity_versions (story_id, version) SELECT OLD.story_id, 1 WHERE OLD.story_id IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
            INSERT INTO story_entity_versions (story_id, version) SELECT NEW.story_id, 1 WHERE NEW.story_id IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        """,
        // Each order a story list is asked for has an index that holds it and every column the list filters on, so a
        // page is read off the index and its total counted there: the home page (recurring columns left out, two or
        // more sources) counted every story's row, each with its profile document, and "most articles" sorted them all.
        """
        CREATE INDEX stories_listed ON stories(recurring, last_date DESC, article_count DESC, id, first_date, source_count);
        CREATE INDEX stories_by_sources ON stories(source_count DESC, last_date DESC, id, recurring, first_date, article_count);
        CREATE INDEX stories_by_articles ON stories(article_count DESC, last_date DESC, id, recurring, first_date, source_count);
        DROP INDEX stories_sources;
        """,
        // Stories counted by whether they are recurring columns and by their independent sources, kept by triggers:
        // a list filtered by nothing but those (the API's and CLI's default, the home page) takes its total from a few
        // rows instead of counting every story.
        """
        CREATE TABLE story_counts (
            recurring    INTEGER NOT NULL,
            source_count INTEGER NOT NULL,
            stories      INTEGER NOT NULL,
            PRIMARY KEY (recurring, source_count)
        ) WITHOUT ROWID;
        INSERT INTO story_counts (recurring, source_count, stories) SELECT recurring, source_count, COUNT(*) FROM stories GROUP BY recurring, source_count;
        CREATE TRIGGER story_counted AFTER INSERT ON stories BEGIN
            INSERT INTO story_counts (recurring, source_count, stories) VALUES (NEW.recurring, NEW.source_count, 1)
                ON CONFLICT (recurring, source_count) DO UPDATE SET stories = stories + 1;
        END;
        CREATE TRIGGER story_uncounted AFTER DELETE ON stories BEGIN
            UPDATE story_counts SET stories = stories - 1 WHERE recurring = OLD.recurring AND source_count = OLD.source_count;
        END;
        CREATE TRIGGER story_recounted AFTER UPDATE OF recurring, source_count ON stories
            WHEN OLD.recurring IS NOT NEW.recurring OR OLD.source_count IS NOT NEW.source_count BEGIN
            UPDATE story_counts SET stories = stories - 1 WHERE recurring = OLD.recurring AND source_count = OLD.source_count;
            INSERT INTO story_counts (recurring, source_count, stories) VALUES (NEW.recurring, NEW.source_count, 1)
                ON CONFLICT (recurring, source_count) DO UPDATE SET stories = stories + 1;
        END;
        """,
        // A text-filtered list maps every matching article to its story, then keeps the stories with an article in a
        // language or from an outlet. Both read the article's row, and at archive scale those rows lie across
        // gigabytes of text: a list filtered by a common word on 1M articles spent ~25 s in them (warm). Indexes that
        // hold what those reads need answer them from a few megabytes.
        """
        CREATE INDEX articles_id_story ON articles(id, story_id);
        CREATE INDEX articles_story_keys ON articles(story_id, lang, outlet_key);
        DROP INDEX articles_story;
        """,
        // A number that moves on with every write to articles or stories, in the writer's transaction, whoever wrote:
        // what is worked out from many of them (a text-filtered list in story order) may be kept under it. And an index
        // holding what lists read of a story by its id: narrowed to listed stories, a list read each one's row, which
        // holds its profile document.
        """
        CREATE TABLE store_version (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        );
        INSERT INTO store_version (id, version) VALUES (1, 0);
        CREATE TRIGGER store_version_article_added AFTER INSERT ON articles BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE TRIGGER store_version_article_changed AFTER UPDATE ON articles BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE TRIGGER store_version_article_removed AFTER DELETE ON articles BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE TRIGGER store_version_story_added AFTER INSERT ON stories BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE TRIGGER store_version_story_changed AFTER UPDATE ON stories BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE TRIGGER store_version_story_removed AFTER DELETE ON stories BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE INDEX stories_keys ON stories(id, recurring, last_date, first_date, article_count, source_count);
        """,
        // Story documents kept by the store, valid while the story's versions are those they were built under. The
        // content version moves on with every write to the story's row, its articles and their layers (the entity
        // version, step 13, covers its occurrences): a server or the CLI serves a kept document without reading the
        // story's texts, layers and occurrences or comparing its sources again.
        """
        CREATE TABLE story_versions (
            story_id TEXT PRIMARY KEY,
            version  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE story_documents (
            story_id       TEXT NOT NULL,
            why            INTEGER NOT NULL,
            built_by       TEXT NOT NULL,
            version        INTEGER NOT NULL,
            entity_version INTEGER NOT NULL,
            body           BLOB NOT NULL,
            PRIMARY KEY (story_id, why)
        );
        CREATE TRIGGER story_version_article_added AFTER INSERT ON articles WHEN NEW.story_id IS NOT NULL BEGIN
            INSERT INTO story_versions (story_id, version) VALUES (NEW.story_id, 1)
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_version_article_changed AFTER UPDATE ON articles BEGIN
            INSERT INTO story_versions (story_id, version) SELECT s, 1 FROM (SELECT OLD.story_id AS s UNION SELECT NEW.story_id) WHERE s IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_version_article_removed AFTER DELETE ON articles WHEN OLD.story_id IS NOT NULL BEGIN
            INSERT INTO story_versions (story_id, version) VALUES (OLD.story_id, 1)
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_version_layers_added AFTER INSERT ON article_analysis BEGIN
            INSERT INTO story_versions (story_id, version) SELECT story_id, 1 FROM articles WHERE id = NEW.article_id AND story_id IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_version_layers_changed AFTER UPDATE ON article_analysis BEGIN
            INSERT INTO story_versions (story_id, version) SELECT DISTINCT story_id, 1 FROM articles WHERE id IN (OLD.article_id, NEW.article_id) AND story_id IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_version_layers_removed AFTER DELETE ON article_analysis BEGIN
            INSERT INTO story_versions (story_id, version) SELECT story_id, 1 FROM articles WHERE id = OLD.article_id AND story_id IS NOT NULL
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_version_story_added AFTER INSERT ON stories BEGIN
            INSERT INTO story_versions (story_id, version) VALUES (NEW.id, 1)
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_version_story_changed AFTER UPDATE ON stories BEGIN
            INSERT INTO story_versions (story_id, version) SELECT s, 1 FROM (SELECT OLD.id AS s UNION SELECT NEW.id) WHERE 1
                ON CONFLICT (story_id) DO UPDATE SET version = version + 1;
        END;
        CREATE TRIGGER story_documents_removed AFTER DELETE ON stories BEGIN
            DELETE FROM story_documents WHERE story_id = OLD.id;
        END;
        """,
        // An entity page lists its stories in the order of its articles: each of the entity's newest articles was
        // joined to its story through the articles' index, at 1M articles a B-tree seek apiece (a sixth of an entity
        // page's server time). The story id is kept on the entity's article row and in its newest-first index, set
        // when the row is written and moved with the article, so the page reads one index range.
        """
        ALTER TABLE entity_articles ADD COLUMN story_id TEXT;
        DROP INDEX entity_articles_newest;
        UPDATE entity_articles SET story_id = a.story_id FROM articles a WHERE a.id = entity_articles.article_id;
        CREATE INDEX entity_articles_newest ON entity_articles(entity_id, date DESC, seq DESC, story_id);
        DROP TRIGGER entity_occurrence_added;
        CREATE TRIGGER entity_occurrence_added AFTER INSERT ON entity_occurrences BEGIN
            INSERT INTO entity_articles (entity_id, article_id, date, seq, names, story_id)
                SELECT NEW.entity_id, a.id, a.date, a.seq, 1, a.story_id FROM articles a WHERE a.id = NEW.article_id
                ON CONFLICT (entity_id, article_id) DO UPDATE SET names = names + 1;
        END;
        DROP TRIGGER entity_occurrence_moved;
        CREATE TRIGGER entity_occurrence_moved AFTER UPDATE OF entity_id, article_id ON entity_occurrences
            WHEN OLD.entity_id <> NEW.entity_id OR OLD.article_id <> NEW.article_id BEGIN
            UPDATE entity_articles SET names = names - 1 WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id;
            DELETE FROM entity_articles WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id AND names <= 0;
            INSERT INTO entity_articles (entity_id, article_id, date, seq, names, story_id)
                SELECT NEW.entity_id, a.id, a.date, a.seq, 1, a.story_id FROM articles a WHERE a.id = NEW.article_id
                ON CONFLICT (entity_id, article_id) DO UPDATE SET names = names + 1;
        END;
        DROP TRIGGER entity_article_added;
        CREATE TRIGGER entity_article_added AFTER INSERT ON entity_articles BEGIN
            INSERT INTO entity_totals (entity_id, articles, stories) VALUES (NEW.entity_id, 1, 0)
                ON CONFLICT (entity_id) DO UPDATE SET articles = articles + 1;
            INSERT INTO entity_months (entity_id, month, articles)
                SELECT NEW.entity_id, CASE WHEN length(NEW.date) >= 7 THEN substr(NEW.date, 1, 7) ELSE NEW.date || '-01' END, 1 WHERE NEW.date IS NOT NULL
                ON CONFLICT (entity_id, month) DO UPDATE SET articles = articles + 1;
            INSERT INTO entity_stories (entity_id, story_id, articles)
                SELECT NEW.entity_id, NEW.story_id, 1 WHERE NEW.story_id IS NOT NULL
                ON CONFLICT (entity_id, story_id) DO UPDATE SET articles = articles + 1;
        END;
        DROP TRIGGER entity_article_removed;
        CREATE TRIGGER entity_article_removed AFTER DELETE ON entity_articles BEGIN
            UPDATE entity_totals SET articles = articles - 1 WHERE entity_id = OLD.entity_id;
            UPDATE entity_months SET articles = articles - 1
                WHERE entity_id = OLD.entity_id AND month = CASE WHEN length(OLD.date) >= 7 THEN substr(OLD.date, 1, 7) ELSE OLD.date || '-01' END;
            DELETE FROM entity_months WHERE entity_id = OLD.entity_id AND articles <= 0;
            UPDATE entity_stories SET articles = articles - 1 WHERE entity_id = OLD.entity_id AND story_id = OLD.story_id;
            DELETE FROM entity_stories WHERE entity_id = OLD.entity_id AND story_id = OLD.story_id AND articles <= 0;
        END;
        DROP TRIGGER article_story_moved;
        CREATE TRIGGER article_story_moved AFTER UPDATE OF story_id ON articles WHEN OLD.story_id IS NOT NEW.story_id BEGIN
            UPDATE entity_articles SET story_id = NEW.story_id WHERE article_id = NEW.id;
            UPDATE entity_stories SET articles = articles - 1
                WHERE story_id = OLD.story_id AND entity_id IN (SELECT entity_id FROM entity_articles WHERE article_id = NEW.id);
            DELETE FROM entity_stories
                WHERE story_id = OLD.story_id AND articles <= 0 AND entity_id IN (SELECT entity_id FROM entity_articles WHERE article_id = NEW.id);
            INSERT INTO entity_stories (entity_id, story_id, articles)
                SELECT entity_id, NEW.story_id, 1 FROM entity_articles WHERE article_id = NEW.id AND NEW.story_id IS NOT NULL
                ON CONFLICT (entity_id, story_id) DO UPDATE SET articles = articles + 1;
        END;
        """,
    ];
}

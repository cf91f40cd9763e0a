namespace Chorus.Core.Ingest;

public enum InputFormat
{
    Auto,
    Text,
    Jsonl,
    Html,
    Rss,
}

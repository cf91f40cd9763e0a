using CsCheck;
using Chorus.Core.Ingest;
using Chorus.Core.Outlets;

namespace Chorus.Monitoring.Tests;

public sealed class OutletTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("{\"outlets\": [{\"country\": \"NL\"}]}", "outlets[0].name: required")]
    [InlineData("{\"outlets\": [{\"name\": \"A\"}, {\"name\": \"a\"}]}", "outlets[1].name: \"a\" is listed twice")]
    [InlineData("{\"outlets\": [{\"name\": \"A\", \"match\": [3]}]}", "outlets[0].match: must hold non-empty strings")]
    [InlineData("{\"outlets\": [{\"name\": \"A\", \"colour\": \"red\"}]}", "outlets[0]: unknown field \"colour\"")]
    [InlineData("{\"watch\": [{\"source\": \"x\", \"interval\": \"5 parsecs\"}]}", "watch[0].interval: '5 parsecs' is not an interval")]
    [InlineData("{\"watch\": [{\"outlet\": \"A\"}]}", "watch[0].source: required")]
    [InlineData("{\"outlets\": [\n  {\"name\": \"A\",,}]}", "line 2: not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    public void A_bad_sources_file_is_refused_naming_the_field(string json, string expected)
    {
        var parsed = SourcesFile.Parse(json, "sources.json");
        Assert.False(parsed.Success);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
        Assert.StartsWith("sources.json", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("90", 90)]
    public void Intervals_read_as_people_write_them(string text, int seconds)
        => Assert.Equal(TimeSpan.FromSeconds(seconds), SourcesFile.ParseInterval(text).Value);

    [Theory]
    [InlineData("0s")]
    [InlineData("2d")]
    [InlineData("m")]
    [InlineData("25h")]
    public void Intervals_out_of_range_or_malformed_are_refused(string text) => Assert.False(SourcesFile.ParseInterval(text).Success);

    [Fact]
    public void An_article_gets_its_outlet_by_publisher_value_folder_feed_url_or_domain()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_tmp.Path, "inbox", "nos")).FullName;
        var file = _tmp.File("sources.json", """
            {
              "outlets": [
                { "name": "de Volkskrant", "country": "NL", "language": "nl", "owner": "DPG Media", "match": ["vk", "volkskrant.nl"] },
                { "name": "NOS", "match": ["inbox/nos"] }
              ],
              "watch": [ { "source": "https://feeds.example.org/rss.xml", "outlet": "Example Feed", "interval": "2m" } ]
            }
            """);
        var loaded = SourcesFile.Load(file);
        Assert.True(loaded.Success, loaded.Error);
        var outlets = new OutletDirectory(loaded.Value!);
        RawArticle Article(string? source = null, string? url = null) => new() { Ref = "x", Text = "t", Source = source, Url = url };

        Assert.Equal("de Volkskrant", outlets.Apply(Article("VK"), null).Source);
        Assert.Equal("de Volkskrant", outlets.Apply(Article(url: "https://www.volkskrant.nl/a/b"), null).Source);
        Assert.Equal("de Volkskrant", outlets.Apply(Article(url: "https://nieuws.volkskrant.nl/a"), null).Source);
        Assert.Equal("NOS", outlets.Apply(Article(), Path.Combine(inbox, "a.txt")).Source);
        Assert.Equal("Example Feed", outlets.Apply(Article(), "https://feeds.example.org/rss.xml").Source);
        // Named by the input but not described: kept as named. Nothing known: the URL's domain, else nothing.
        Assert.Equal("Het Nieuwsblad", outlets.Apply(Article("Het Nieuwsblad"), null).Source);
        Assert.Equal("nu.nl", outlets.Apply(Article(url: "https://www.nu.nl/x"), null).Source);
        Assert.Null(outlets.Apply(Article(), Path.Combine(_tmp.Path, "elsewhere", "000_aac5f5d0c02a0b02.txt")).Source);
        Assert.Equal(2, loaded.Value!.Watch.Single().Interval!.Value.TotalMinutes);
        Assert.Contains(outlets.Outlets, o => o is { Name: "de Volkskrant", Country: "NL", Language: "nl", Owner: "DPG Media" });
        Assert.Contains(outlets.Outlets, o => o.Name == "Example Feed");
    }

    [Theory]
    [InlineData(null, null, "unknown outlet")]
    [InlineData(null, "https://www.nrc.nl/nieuws/1", "nrc.nl")]
    [InlineData(null, "file:///tmp/a.txt", "unknown outlet")]
    [InlineData("Trouw", "https://www.nrc.nl/", "Trouw")]
    public void An_outlet_label_is_never_a_file_name(string? source, string? url, string expected)
        => Assert.Equal(expected, OutletNames.Label(source, url));

    [Fact]
    public void A_joined_record_fills_what_the_article_lacks_and_nothing_else()
    {
        var labels = _tmp.File("labels.jsonl", "{\"id\": \"1\", \"publisher\": \"vk\"}\n{\"id\": 2, \"publisher\": \"trouw\", \"url\": \"https://trouw.nl/2\"}\n");
        var join = RecordJoin.Load(labels).Value!;
        Assert.Equal("vk", join.Apply(new RawArticle { Ref = "a", Text = "t", ExternalId = "1" }).Source);
        Assert.Equal("AD", join.Apply(new RawArticle { Ref = "a", Text = "t", ExternalId = "1", Source = "AD" }).Source);
        Assert.Equal("https://trouw.nl/2", join.Apply(new RawArticle { Ref = "a", Text = "t", ExternalId = "2" }).Url);
        Assert.Null(join.Apply(new RawArticle { Ref = "a", Text = "t", ExternalId = "3" }).Source);

        var bad = _tmp.File("bad.jsonl", "{\"id\": \"1\"}\n{\"publisher\": \"vk\"}\n");
        Assert.Equal($"{bad}:2: field 'id': required (a string or a number)", RecordJoin.Load(bad).Error);
    }
}

public sealed class SourcesFilePropertyTests
{
    private static readonly CsCheck.Gen<string> JsonishText = CsCheck.Gen.String[CsCheck.Gen.OneOf(CsCheck.Gen.Char["{}[]\":,namechtousrvl 0123456789"], CsCheck.Gen.Char), 0, 300];

    [Fact]
    public void Any_text_is_a_sources_file_or_a_message_never_an_exception()
        => JsonishText.Sample(text =>
        {
            var parsed = SourcesFile.Parse(text, "s.json");
            return parsed.Success ^ parsed.Error is not null;
        }, iter: 5_000);

    [Fact]
    public void Mutated_valid_files_are_a_sources_file_or_a_message_never_an_exception()
    {
        const string Valid = """{"outlets": [{"name": "AD", "country": "NL", "match": ["ad", "ad.nl"]}], "watch": [{"source": "https://x/rss", "interval": "5m"}]}""";
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, Valid.Length - 1], CsCheck.Gen.Char, CsCheck.Gen.Int[0, 2]).Sample(t =>
        {
            var (at, c, op) = t;
            var text = op switch { 0 => Valid.Remove(at, 1), 1 => Valid.Insert(at, c.ToString()), _ => Valid[..at] + c + Valid[(at + 1)..] };
            var parsed = SourcesFile.Parse(text, "s.json");
            return parsed.Success ^ parsed.Error is not null;
        }, iter: 5_000);
    }

    [Fact]
    public void Any_interval_text_parses_or_says_why()
        => CsCheck.Gen.String[CsCheck.Gen.Char["0123456789hms .-"], 0, 12].Sample(text => SourcesFile.ParseInterval(text) is var p && (p.Success ? p.Value >= TimeSpan.FromSeconds(1) && p.Value <= TimeSpan.FromDays(1) : p.Error is not null), iter: 5_000);
}

using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Store;

namespace Chorus.Core.Tests.Entities;

/// <summary>
/// The matching policy of entity resolution, table-driven and without a store: an article's entity against the
/// stored entities that share a block with it.
/// </summary>
public sealed class EntityMatcherTests
{
    public static TheoryData<string, string, string, string[], string?> Cases => new()
    {
        // type, the article's name, its surfaces (|-separated), candidates as "id=name(mentions)[;variant]", expected id or "?" (ambiguous) or null (none)
        { "PER", "Sergej Sjojgoe", "Sergej Sjojgoe", ["s=Sergej Sjojgoe(5)"], "s" },
        { "PER", "Sergej Sjogjoe", "Sergej Sjogjoe", ["s=Sergej Sjojgoe(5)"], "s" },
        { "PER", "Sergei Shoigu", "Sergei Shoigu", ["s=Sergej Sjojgoe(5)"], "s" },
        { "PER", "Vladimir Putin", "Vladimir Putin", ["p=Vladimir Poetin(9)"], "p" },
        { "PER", "Poetin", "Poetin", ["p=Vladimir Poetin(9)"], "p" },
        { "PER", "Breuker", "Breuker", ["r=Remco Breuker(3)"], "r" },
        { "PER", "Breuker", "Breuker", ["r=Remco Breuker(3)", "a=Anna Breuker(2)"], "?" },
        { "PER", "Breuker", "Breuker", ["r=Remco Breuker(3);Breuker", "a=Anna Breuker(2);Breuker"], "?" },
        { "PER", "Remco Breuker", "Remco Breuker", ["b=Breuker(1)"], "b" },
        { "PER", "Anna Breuker", "Anna Breuker|Breuker", ["r=Remco Breuker(3)"], null },
        { "PER", "Mark Rutte", "Mark Rutte", ["x=Mark Rutte(2)", "y=Mark Rutte(7)"], "y" },
        { "PER", "Mark Rutte", "Mark Rutte", ["y=Mark Rutte(2)", "x=Mark Rutte(2)"], "x" },
        { "PER", "Kim Jong-un", "Kim Jong-un", ["k=Kim Jong-il(40)"], null },
        { "PER", "Jan de Vries", "Jan de Vries", ["k=Piet de Vries(4)"], null },
        { "LOC", "Rusland", "Rusland", ["r=Russia(12)"], "r" },
        { "LOC", "Russland", "Russland", ["r=Rusland(12);Russia"], "r" },
        { "ORG", "NAVO", "NAVO", ["n=NATO(3)"], "n" },
        { "LOC", "Wit-Rusland", "Wit-Rusland", ["r=Rusland(12)"], null },
        { "LOC", "Amsterdam", "Amsterdam", ["m=Metropoolregio Amsterdam(2)"], null },
        { "ORG", "Ajax", "Ajax", ["v=Verwachtingspatroon Ajax(1)"], null },
        { "PER", "Anna", "Anna", [], null },
        // A surname with its particles and no given name ("De Jonge": Dutch capitalises the particle then).
        { "PER", "De Jonge", "De Jonge", ["h=Hugo de Jonge(5)"], "h" },
        { "PER", "Hugo de Jonge", "Hugo de Jonge", ["d=De Jonge(2)"], "d" },
        { "PER", "Van der Laan", "Van der Laan", ["e=Eberhard van der Laan(4)"], "e" },
        { "PER", "De Jong", "De Jong", ["f=Frenkie de Jong(5)", "l=Luuk de Jong(3)"], "?" },
        { "PER", "De Jonge", "De Jonge", ["v=Hugo van Jonge(5)"], null },
        { "PER", "Van Dijk", "Van Dijk", ["h=Hugo de Jonge(5)"], null },
        // A word in capitals is a surname only as written: a headline's "TUSK", not the acronym "HAN" for De Haan or Khan.
        { "PER", "TUSK", "TUSK", ["t=Donald Tusk(8)"], "t" },
        { "PER", "HAN", "HAN", ["f=Ferry de Haan(1)"], null },
        { "PER", "HAN", "HAN", ["k=Sadiq Khan(2)"], null },
        { "PER", "CALC", "CALC", ["k=Janbart Kalk(3)"], null },
        { "PER", "Donald Tusk", "Donald Tusk", ["t=TUSK(1)"], "t" },
        { "PER", "Ferry de Haan", "Ferry de Haan", ["h=HAN(1)"], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Match_LinksOnlyTheEntityItIs(string type, string name, string surfaces, string[] candidates, string? expected)
    {
        var local = new LocalEntity(TypeOf(type), name, surfaces.Split('|').ToDictionary(s => s, _ => 1, StringComparer.Ordinal));
        var stored = candidates.Select(c => Entity(type, c)).ToList();

        var match = new EntityMatcher().Match(local, stored);

        switch (expected)
        {
            case null:
                Assert.Equal(EntityMatchKind.None, match.Kind);
                break;
            case "?":
                Assert.Equal(EntityMatchKind.Ambiguous, match.Kind);
                Assert.Equal(stored.Select(e => e.Id).Order(), match.Candidates.Select(e => e.Id).Order());
                break;
            default:
                Assert.Equal(EntityMatchKind.Linked, match.Kind);
                Assert.Equal(expected, match.Entity!.Id);
                break;
        }
    }

    [Fact]
    public void Match_DoesNotDependOnTheCandidatesOrder()
    {
        var local = new LocalEntity(EntityType.Person, "Mark Rutte", new Dictionary<string, int> { ["Mark Rutte"] = 1 });
        string[] candidates = ["a=Mark Rutte(4)", "b=Mark Rutte(4)", "c=M. Rutte(9)"];
        var ids = Permutations(candidates)
            .Select(order => new EntityMatcher().Match(local, order.Select(c => Entity("PER", c)).ToList()).Entity!.Id)
            .Distinct()
            .ToList();
        Assert.Equal(["a"], ids);
    }

    private static IEnumerable<IEnumerable<string>> Permutations(string[] items)
        => items.Length <= 1 ? [items] : items.SelectMany((x, i) => Permutations([.. items.Where((_, j) => j != i)]).Select(rest => rest.Prepend(x)));

    /// <summary>"id=Name(mentions);variant;variant".</summary>
    private static StoredEntity Entity(string type, string spec)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        var (id, rest) = (spec[..equals], spec[(equals + 1)..]);
        var parts = rest.Split(';');
        var open = parts[0].LastIndexOf('(');
        var name = parts[0][..open];
        var mentions = int.Parse(parts[0][(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        var e = new StoredEntity { Id = id, Type = TypeOf(type), Name = name, Mentions = mentions };
        e.Variants[name] = mentions;
        foreach (var v in parts.Skip(1))
        {
            e.Variants[v] = 1;
        }

        return e;
    }

    // A type code of a table row ("PER").
    private static EntityType TypeOf(string code)
        => EntityTypes.TryParse(code, out var type) ? type : throw new ArgumentException($"not an entity type: {code}", nameof(code));
}

public sealed class ParticleSurnameTests
{
    [Theory]
    [InlineData("De Jonge", true)]
    [InlineData("Van der Laan", true)]
    [InlineData("von der Leyen", true)]
    [InlineData("Le Pen", true)]
    [InlineData("Ten Hag", true)]
    [InlineData("Al Gore", false)]
    [InlineData("Ben Knapen", false)]
    [InlineData("Jonge", false)]
    [InlineData("Hugo de Jonge", false)]
    [InlineData("Van der", false)]
    public void IsParticleSurname(string name, bool expected)
        => Assert.Equal(expected, NameMatcher.IsParticleSurname(TransliterationKey.Parts(name)));

    [Theory]
    [InlineData("De Jonge", "Hugo de Jonge", true)]
    [InlineData("Van der Laan", "Eberhard van der Laan", true)]
    [InlineData("Le Pen", "Marine Le Pen", true)]
    [InlineData("De Jonge", "Hugo van Jonge", false)]
    [InlineData("Van Laan", "Eberhard van der Laan", false)]
    [InlineData("De Jonge", "De Jonge", false)]
    [InlineData("Der Laan", "Eberhard van der Laan", false)]
    public void IsParticleSurnameOf(string surname, string full, bool expected)
        => Assert.Equal(expected, NameMatcher.IsParticleSurnameOf(TransliterationKey.Parts(surname), TransliterationKey.Parts(full)));
}

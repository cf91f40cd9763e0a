using System.Reflection;

namespace Chorus.Core.Entities;

/// <summary>The grammatical gender a person is referred to with; unknown is never guessed.</summary>
public enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>
/// What a text says about a person's gender: a common given name (<c>Resources/given-names-gender.tsv</c>, names
/// used for both left out), or a title or role word standing before the name ("mevrouw", "buurvrouw", "Frau",
/// "spokeswoman", German nouns in -in). Used to keep "zegt ze" from going to a man.
/// </summary>
public static class PersonGender
{
    private static readonly Lazy<Dictionary<string, Gender>> GivenNames = new(Load);

    private static readonly Dictionary<string, Gender> Words = new(StringComparer.Ordinal)
    {
        ["mevrouw"] = Gender.Female, ["mevr"] = Gender.Female, ["buurvrouw"] = Gender.Female, ["zangeres"] = Gender.Female, ["actrice"] = Gender.Female,
        ["woordvoerster"] = Gender.Female, ["bewoonster"] = Gender.Female, ["boerin"] = Gender.Female, ["koningin"] = Gender.Female, ["prinses"] = Gender.Female,
        ["moeder"] = Gender.Female, ["dochter"] = Gender.Female, ["zus"] = Gender.Female, ["vrouw"] = Gender.Female, ["echtgenote"] = Gender.Female,
        ["weduwe"] = Gender.Female, ["lerares"] = Gender.Female, ["oma"] = Gender.Female, ["schrijfster"] = Gender.Female, ["verpleegster"] = Gender.Female,
        ["frau"] = Gender.Female, ["mrs"] = Gender.Female, ["ms"] = Gender.Female, ["miss"] = Gender.Female, ["spokeswoman"] = Gender.Female,
        ["chairwoman"] = Gender.Female, ["actress"] = Gender.Female, ["queen"] = Gender.Female, ["princess"] = Gender.Female, ["mother"] = Gender.Female,
        ["wife"] = Gender.Female, ["daughter"] = Gender.Female, ["sister"] = Gender.Female, ["grandmother"] = Gender.Female, ["businesswoman"] = Gender.Female,
        ["meneer"] = Gender.Male, ["heer"] = Gender.Male, ["dhr"] = Gender.Male, ["buurman"] = Gender.Male, ["zanger"] = Gender.Male, ["acteur"] = Gender.Male,
        ["koning"] = Gender.Male, ["prins"] = Gender.Male, ["vader"] = Gender.Male, ["zoon"] = Gender.Male, ["broer"] = Gender.Male, ["echtgenoot"] = Gender.Male,
        ["weduwnaar"] = Gender.Male, ["opa"] = Gender.Male, ["herr"] = Gender.Male, ["mr"] = Gender.Male, ["sir"] = Gender.Male, ["king"] = Gender.Male,
        ["prince"] = Gender.Male, ["father"] = Gender.Male, ["son"] = Gender.Male, ["brother"] = Gender.Male, ["husband"] = Gender.Male,
        ["spokesman"] = Gender.Male, ["chairman"] = Gender.Male, ["grandfather"] = Gender.Male, ["businessman"] = Gender.Male,
    };

    /// <summary>The gender a given name (the first word of a name) says, if it is common and used for one gender.</summary>
    public static Gender OfName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var first = name.Split([' ', '-'], 2, StringSplitOptions.RemoveEmptyEntries) is [var f, ..] ? f : name;
        return GivenNames.Value.GetValueOrDefault(first);
    }

    /// <summary>The gender a title or role word says ("buurvrouw", "Frau", "Anwohnerin"), in any case.</summary>
    public static Gender OfWord(string word, string lang)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.TrimEnd('.').ToLowerInvariant();
        if (Words.TryGetValue(lower, out var gender))
        {
            return gender;
        }

        // German feminine nouns of persons: Anwohnerin, Sprecherin, Ministerin, Kanzlerin.
        return lang == "de" && lower.Length > 5 && (lower.EndsWith("erin", StringComparison.Ordinal) || lower.EndsWith("istin", StringComparison.Ordinal)) ? Gender.Female : Gender.Unknown;
    }

    /// <summary>The gender a subject pronoun of the language refers to; unknown for anything else.</summary>
    public static Gender OfPronoun(string word, string lang) => (lang, word.ToLowerInvariant()) switch
    {
        ("nl", "hij") or ("en", "he") or ("de", "er") => Gender.Male,
        ("nl", "zij" or "ze") or ("en", "she") or ("de", "sie") => Gender.Female,
        _ => Gender.Unknown,
    };

    private static Dictionary<string, Gender> Load()
    {
        var map = new Dictionary<string, Gender>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Chorus.Core.Resources.given-names-gender.tsv")!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || line.Split('\t') is not [var name, var g])
            {
                continue;
            }

            map[name] = g == "f" ? Gender.Female : Gender.Male;
        }

        return map;
    }
}

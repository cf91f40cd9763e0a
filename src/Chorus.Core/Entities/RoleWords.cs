namespace Chorus.Core.Entities;

/// <summary>Titles and roles that stand before a person's name (minister, president, burgemeester, Kanzler…). Facts, lower case.</summary>
public static class RoleWords
{
    public static IReadOnlySet<string> Set { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "minister", "president", "premier", "leider", "koning", "koningin", "burgemeester", "wethouder", "generaal", "paus", "bondskanselier",
        "kanselier", "voorzitter", "woordvoerder", "directeur", "topman", "topvrouw", "hoogleraar", "minister-president", "oud-president",
        "senator", "ambassadeur", "secretaris-generaal", "prins", "prinses", "dictator", "opperbevelhebber", "staatshoofd", "ceo",
        "leader", "chancellor", "mayor", "general", "pope", "spokesman", "spokeswoman", "chairman", "professor", "king", "queen",
        "präsident", "kanzler", "kanzlerin", "bürgermeister", "ministerin", "sprecher", "sprecherin", "vorsitzende", "chef",
        "staatssecretaris", "gedeputeerde", "dijkgraaf", "korpschef", "advocaat", "rechter", "officier", "agent", "trainer", "coach", "boer", "boerin",
        "zanger", "zangeres", "acteur", "actrice", "schrijver", "schrijfster", "auteur", "onderzoeker", "wetenschapper", "arts", "dokter",
        "voetballer", "vakbondsman", "woordvoerster", "topvrouw", "oud-minister", "oud-premier", "kamerlid", "europarlementariër", "lijsttrekker",
        "fractievoorzitter", "partijleider", "oppositieleider", "bisschop", "kardinaal", "rabbijn", "imam", "dominee", "predikant",
        "governor", "senator", "secretary", "minister", "scientist", "teacher", "author", "director", "manager", "striker", "goalkeeper",
        "trainerin", "bundeskanzler", "bundeskanzlerin", "außenministerin", "außenminister", "autor", "autorin", "bauer", "bäuerin",
        "vorstand", "vorstandschef", "konzernchef", "finanzchef", "finanzchefin", "bahnchef", "parteichef", "regierungschef", "gewerkschaftschef",
        "direktor", "direktorin", "präsidentin", "ministerpräsident", "ministerpräsidentin", "landeshauptmann", "oberbürgermeister",
        "oberbürgermeisterin", "staatsanwalt", "staatsanwältin", "schauspieler", "schauspielerin", "schriftsteller", "schriftstellerin",
        "landesvorsitzende", "amtskollege", "amtskollegen", "kollege", "kollegin", "sprecher", "verteidiger", "torwart", "stürmer",
        "commissioner", "inspector", "detective", "executive", "founder", "owner", "goalkeeper", "secretary-general", "director-general",
        "prime", "deputy", "colleague", "opposition", "bürgermeisterin", "polizeipräsident", "richter", "richterin", "anwalt", "anwältin",
        // Religious and hereditary titles and the words for a ruler or a chief, in the three languages.
        "ayatollah", "ajatollah", "emir", "sjeik", "sheikh", "scheich", "kroonprins", "kroonprinses", "kronprinz", "kronprinzessin",
        "aartsbisschop", "patriarch", "machthaber", "machthaberin", "oppositionsführer", "oppositionsführerin", "parteiführer", "anführer",
        "chief", "boss", "baas",
    };

    /// <summary>
    /// True for a role word, in any case, or a compound ending in one of six letters or more ("Kremlinwoordvoerder",
    /// "oppositieleider"): a word that stands before a name and is not part of it.
    /// </summary>
    public static bool IsRole(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        if (Set.Contains(lower))
        {
            return true;
        }

        foreach (var role in Set)
        {
            // "Kremlinwoordvoerder", "Bahn-Personalvorstand", "Hafenchef": compounds ending in a role.
            if ((role.Length >= 6 || role is "chef" or "chefin") && lower.Length > role.Length + 2 && lower.EndsWith(role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words that end the name of a ministry or portfolio ("minister van Buitenlandse Zaken", "Justitie en
    /// Veiligheid", "Home Affairs"), so they are never the person after a role. Facts, as written in the name.
    /// </summary>
    public static IReadOnlySet<string> Portfolios { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Zaken", "Defensie", "Financiën", "Justitie", "Veiligheid", "Onderwijs", "Cultuur", "Wetenschap", "Volksgezondheid",
        "Welzijn", "Sport", "Klimaat", "Economie", "Landbouw", "Natuur", "Voedselkwaliteit", "Infrastructuur", "Waterstaat",
        "Milieu", "Werkgelegenheid", "Koninkrijksrelaties", "Ontwikkelingssamenwerking", "Handel", "Migratie", "Asiel", "Zorg",
        "Affairs", "Defence", "Defense", "State", "Justice", "Health", "Education", "Treasury", "Trade", "Energy",
        "Verteidigung", "Finanzen", "Inneres", "Gesundheit", "Wirtschaft", "Justiz", "Bildung", "Umwelt",
    };
}

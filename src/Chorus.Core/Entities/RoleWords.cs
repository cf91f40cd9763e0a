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
    };

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

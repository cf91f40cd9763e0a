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
}

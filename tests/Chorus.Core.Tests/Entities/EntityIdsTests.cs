using System.Globalization;
using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using CsCheck;

namespace Chorus.Core.Tests.Entities;

public sealed class EntityIdsTests
{
    // Names as ingest meets them: accents, apostrophes before an s, spaces at the ends, other scripts.
    private static readonly Gen<string> Names = Gen.String[Gen.OneOf(Gen.Char["aZ '’s-é"], Gen.Char['\u0400', '\u04FF'], Gen.Char), 0, 30];

    [Fact]
    public void Provisional_IsTheHashOfTheJoinedCodeAndFoldedName()
        => Gen.Select(Gen.Int[0, EntityTypes.All.Count - 1], Names).Sample((type, name) =>
        {
            var entityType = EntityTypes.All[type];
            Assert.Equal(Joined(entityType, name), EntityIds.Provisional(entityType, name));
        }, iter: 20_000);

    // The derivation stored ids were made with: the code, ':' and the folded name joined, hashed, the hex cut to 12.
    private static string Joined(EntityType type, string surface)
    {
        var key = type.Code() + ":" + NameKey.Fold(surface.AsSpan().Trim());
        var h = 14695981039346656037UL;
        foreach (var c in key)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return "e" + h.ToString("x16", CultureInfo.InvariantCulture)[..12];
    }
}

using System.Reflection;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Domain;

/// <summary>
/// Domain entities protect their invariants: what only a rule may change has no public setter, and an entity is made
/// by its factory, not by a public constructor. EF Core writes through the private setters.
/// </summary>
public sealed class EntityInvariantTests
{
    private static readonly Type[] Entities = ModelEntities();

    public static TheoryData<string> EntityNames => [.. Entities.Select(t => t.Name)];

    [Fact]
    public void Every_domain_entity_of_the_model_is_checked() =>
        Assert.Equal(["ApiToken", "CheckIn", "Delegation", "Forum", "ForumDelegate", "Session", "SessionSpeaker", "Speaker"],
            Entities.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void A_domain_entity_has_no_public_setter_and_no_public_constructor(string name)
    {
        var type = Entities.Single(t => t.Name == name);

        var setters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name);
        Assert.Empty(setters);
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
    }

    private static Type[] ModelEntities()
    {
        using var db = new SqliteForumsDbContext(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => t.Namespace == "Forums.Api.Domain" && !t.IsGenericType).Distinct().OrderBy(t => t.Name).ToArray();
    }
}

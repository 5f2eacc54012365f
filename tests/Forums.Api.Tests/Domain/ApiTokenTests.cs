using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>API tokens: who they name, when they expire, and revoking them once.</summary>
public sealed class ApiTokenTests
{
    private static readonly Guid ForumA = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid ForumB = Guid.Parse("44444444-4444-4444-4444-444444444444");
    private static readonly DateTime Now = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    private static ApiToken Organiser(DateTime? expiresAt = null, params Guid[] forums) =>
        ApiToken.Create(Guid.Parse("55555555-5555-5555-5555-555555555555"), "Registration desk", TokenRole.Organiser,
            forums.Length == 0 ? [ForumA] : forums, "fa_1234", "hash", Now, expiresAt);

    [Fact]
    public void A_token_keeps_what_it_was_created_with_and_each_forum_once()
    {
        var token = Organiser(Now.AddDays(30), ForumA, ForumB, ForumA);

        Assert.Equal(Guid.Parse("55555555-5555-5555-5555-555555555555"), token.Id);
        Assert.Equal("Registration desk", token.Name);
        Assert.Equal(TokenRole.Organiser, token.Role);
        Assert.Equal([ForumA, ForumB], token.ForumIds);
        Assert.Equal("fa_1234", token.Prefix);
        Assert.Equal("hash", token.SecretHash);
        Assert.Equal(Now, token.CreatedAt);
        Assert.Equal(Now.AddDays(30), token.ExpiresAt);
        Assert.Null(token.RevokedAt);
    }

    [Fact]
    public void An_organiser_token_names_forums_and_an_admin_token_none()
    {
        var organiser = Assert.Throws<RuleViolationException>(() =>
            ApiToken.Create(Guid.NewGuid(), "t", TokenRole.Organiser, [], "p", "h", Now, null));
        Assert.Equal("An organiser token must name at least one forum.", organiser.Message);

        var admin = Assert.Throws<RuleViolationException>(() =>
            ApiToken.Create(Guid.NewGuid(), "t", TokenRole.Admin, [ForumA], "p", "h", Now, null));
        Assert.Equal("An admin token covers every forum; name none.", admin.Message);
        Assert.Equal(BrokenRule.Invariant, admin.Rule);

        var adminToken = ApiToken.Create(Guid.NewGuid(), "t", TokenRole.Admin, [], "p", "h", Now, null);
        Assert.Empty(adminToken.ForumIds);
        Assert.Equal(TokenRole.Admin, adminToken.Role);
    }

    [Fact]
    public void A_token_expires_after_it_is_created_within_the_date_window()
    {
        var past = Assert.Throws<RuleViolationException>(() => Organiser(Now));
        Assert.Equal("A token cannot expire before it is created.", past.Message);
        Assert.Throws<RuleViolationException>(() => Organiser(Now.AddTicks(-1)));
        Assert.Equal(Now.AddTicks(1), Organiser(Now.AddTicks(1)).ExpiresAt);

        var far = Assert.Throws<RuleViolationException>(() => Organiser(new DateTime(2101, 1, 2, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("A token expires in the years 2000 to 2100.", far.Message);
        Assert.Equal(new DateTime(2101, 1, 1, 13, 0, 0, DateTimeKind.Utc), Organiser(new DateTime(2101, 1, 1, 13, 0, 0, DateTimeKind.Utc)).ExpiresAt);
    }

    [Fact]
    public void A_token_is_active_until_it_expires_or_is_revoked()
    {
        var forever = Organiser();
        Assert.True(forever.IsActive(Now.AddYears(10)));

        var expiring = Organiser(Now.AddDays(1));
        Assert.True(expiring.IsActive(Now));
        Assert.True(expiring.IsActive(Now.AddDays(1).AddTicks(-1)));
        Assert.False(expiring.IsActive(Now.AddDays(1)));
        Assert.False(expiring.IsActive(Now.AddDays(2)));

        expiring.Revoke(Now.AddHours(1));
        Assert.Equal(Now.AddHours(1), expiring.RevokedAt);
        Assert.False(expiring.IsActive(Now));

        forever.Revoke(Now);
        Assert.False(forever.IsActive(Now));
    }

    [Fact]
    public void A_token_is_revoked_once()
    {
        var token = Organiser();
        token.Revoke(Now);
        var again = Assert.Throws<RuleViolationException>(() => token.Revoke(Now.AddHours(1)));
        Assert.Equal("The token is already revoked.", again.Message);
        Assert.Equal(BrokenRule.TokenRevoked, again.Rule);
        Assert.Equal(Now, token.RevokedAt);
    }
}

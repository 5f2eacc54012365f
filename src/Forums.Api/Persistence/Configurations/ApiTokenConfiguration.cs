using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("ApiTokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Id).ValueGeneratedNever();
        token.Property(t => t.Name).HasMaxLength(100).IsRequired();
        token.Property(t => t.Role).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        token.Property(t => t.ForumIds).IsRequired();
        token.Property(t => t.Prefix).HasMaxLength(16).IsUnicode(false).IsRequired();
        token.HasIndex(t => t.Prefix).IsUnique();
        token.Property(t => t.SecretHash).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        token.HasIndex(t => t.SecretHash).IsUnique();
    }
}

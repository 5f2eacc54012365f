using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> delegation)
    {
        delegation.ToTable("Delegations");
        delegation.HasKey(d => d.Id);
        delegation.Property(d => d.Id).ValueGeneratedNever();
        delegation.HasOne<Forum>().WithMany().HasForeignKey(d => d.ForumId).OnDelete(DeleteBehavior.Cascade);
        delegation.Property(d => d.Name).IsRequired();
        delegation.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        delegation.Property(d => d.Country).HasMaxLength(2).IsFixedLength().IsUnicode(false);
        delegation.Property(d => d.SearchText).IsRequired();
        delegation.Property(d => d.SortKey).HasMaxLength(200).IsRequired();
        delegation.Property(d => d.Version).IsConcurrencyToken();
        delegation.HasIndex(d => new { d.ForumId, d.SortKey }).IsUnique();
        delegation.HasIndex(d => new { d.ForumId, d.Kind, d.SortKey });
        delegation.HasIndex(d => new { d.ForumId, d.Country, d.SortKey });
        // The head is one of the delegation's delegates; removing that delegate clears the head.
        delegation.HasOne<ForumDelegate>().WithMany().HasForeignKey(d => d.HeadDelegateId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}

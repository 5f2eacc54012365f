using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forums.Api.Persistence.Configurations;

internal sealed class ForumDelegateConfiguration : IEntityTypeConfiguration<ForumDelegate>
{
    public void Configure(EntityTypeBuilder<ForumDelegate> delegate_)
    {
        delegate_.ToTable("Delegates");
        delegate_.HasKey(d => d.Id);
        delegate_.Property(d => d.Id).ValueGeneratedNever();
        delegate_.HasOne<Forum>().WithMany().HasForeignKey(d => d.ForumId).OnDelete(DeleteBehavior.Cascade);
        // A delegation with delegates is not deleted (409); NO ACTION is checked at the end of the statement, so deleting the forum cascades to both.
        delegate_.HasOne<Delegation>().WithMany().HasForeignKey(d => d.DelegationId).OnDelete(DeleteBehavior.NoAction);
        delegate_.Property(d => d.Name).HasMaxLength(200).IsRequired();
        delegate_.Property(d => d.NameLatin).HasMaxLength(200);
        delegate_.Property(d => d.Country).HasMaxLength(2).IsFixedLength().IsUnicode(false);
        delegate_.Property(d => d.Email).HasMaxLength(254);
        delegate_.Property(d => d.Phone).HasMaxLength(40).IsUnicode(false);
        delegate_.Property(d => d.Languages).IsRequired();
        delegate_.Property(d => d.DietNeeds).HasMaxLength(500);
        delegate_.Property(d => d.AccessNeeds).HasMaxLength(500);
        delegate_.Property(d => d.InterpretationNeeds).HasMaxLength(500);
        delegate_.Property(d => d.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        delegate_.Property(d => d.AccreditationCode).HasMaxLength(19).IsFixedLength().IsUnicode(false).IsRequired();
        delegate_.Property(d => d.SearchText).IsRequired();
        delegate_.Property(d => d.SortKey).HasMaxLength(200).IsRequired();
        delegate_.Property(d => d.Version).IsConcurrencyToken();

        delegate_.HasIndex(d => d.AccreditationCode).IsUnique();
        // One e-mail registers once per forum (SQL Server filters out NULLs of a unique index on its own).
        delegate_.HasIndex(d => new { d.ForumId, d.Email }).IsUnique();
        delegate_.HasIndex(d => new { d.ForumId, d.SortKey }).IsUnique();
        delegate_.HasIndex(d => new { d.ForumId, d.Status, d.SortKey });
        delegate_.HasIndex(d => new { d.ForumId, d.DelegationId, d.SortKey });
        delegate_.HasIndex(d => new { d.ForumId, d.Country, d.SortKey });
        delegate_.HasIndex(d => new { d.ForumId, d.Status, d.WaitlistedAt });
    }
}

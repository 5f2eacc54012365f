using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>The keys entities write for keyset paging and the check a list makes of a cursor: one home, proven together.</summary>
public sealed class SortKeyTests
{
    private static readonly Guid Low = Guid.Parse("00000000-0000-7000-8000-000000000001");
    private static readonly Guid High = Guid.Parse("ffffffff-0000-7000-8000-000000000001");

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(99_999)]
    [InlineData(Session.MaxOrder)]
    public void Every_programme_order_key_is_one_the_sessions_cursor_accepts(int order) =>
        Assert.True(SortKeys.IsWellFormedForOrder(SortKeys.ForOrder(order, High)));

    [Fact]
    public void Programme_order_keys_sort_as_their_numbers_then_their_ids()
    {
        var keys = new[] { (2, Low), (10, Low), (10, High), (9, High), (Session.MaxOrder, Low), (0, High) }
            .Select(k => SortKeys.ForOrder(k.Item1, k.Item2)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([SortKeys.ForOrder(0, High), SortKeys.ForOrder(2, Low), SortKeys.ForOrder(9, High), SortKeys.ForOrder(10, Low),
            SortKeys.ForOrder(10, High), SortKeys.ForOrder(Session.MaxOrder, Low)], keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7\u001f00000000000070008000000000000001")]
    [InlineData("00000a\u001f00000000000070008000000000000001")]
    [InlineData("000007-00000000000070008000000000000001")]
    [InlineData("000007\u001f0000000000007000800000000000000z")]
    [InlineData("0000007\u001f0000000000007000800000000000000")]
    public void A_key_the_sessions_never_write_is_not_a_programme_cursor(string key) =>
        Assert.False(SortKeys.IsWellFormedForOrder(key));

    [Theory]
    [InlineData(-1)]
    [InlineData(Session.MaxOrder + 1)]
    public void An_order_outside_the_programme_has_no_key(int order) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SortKeys.ForOrder(order, Low));

    [Theory]
    [InlineData("Ә")]
    [InlineData("Nuralkhan Kusherov")]
    [InlineData("  Mixed Case  ")]
    public void Every_name_key_is_one_the_name_lists_cursor_accepts(string name)
    {
        Assert.True(SortKeys.IsWellFormed(SortKeys.For(name, Low)));
        Assert.True(SortKeys.IsWellFormed(SortKeys.For(new string('я', 500), High)));
    }

    [Fact]
    public void Name_keys_fold_case_in_every_script_and_keep_equal_names_apart_by_id()
    {
        Assert.Equal(SortKeys.For("КӨШЕРОВ", Low)[..^32], SortKeys.For("көшеров", High)[..^32]);
        Assert.True(string.CompareOrdinal(SortKeys.For("same", Low), SortKeys.For("same", High)) < 0);
    }

    [Fact]
    public void A_name_key_is_not_a_programme_key()
    {
        Assert.False(SortKeys.IsWellFormedForOrder(SortKeys.For("abcdef", Low)));
        Assert.False(SortKeys.IsWellFormed("\u001f" + Low.ToString("N")));
    }
}

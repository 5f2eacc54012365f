using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

public sealed class CodePointTests
{
    // Unicode 16 DerivedCoreProperties.txt, Default_Ignorable_Code_Point: every range, its ends and its neighbours.
    private static readonly (int First, int Last)[] DefaultIgnorable =
    [
        (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
        (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
        (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
    ];

    public static TheoryData<int, bool> Table()
    {
        // Each code point once: a one-point range's ends and middle are the same point (xUnit skips repeated cases).
        var points = new SortedDictionary<int, bool>();
        foreach (var (first, last) in DefaultIgnorable)
        {
            points[first] = points[last] = points[(first + last) / 2] = true;
            if (!DefaultIgnorable.Any(r => first - 1 >= r.First && first - 1 <= r.Last))
                points[first - 1] = false;
            if (!DefaultIgnorable.Any(r => last + 1 >= r.First && last + 1 <= r.Last))
                points[last + 1] = false;
        }
        foreach (var visible in new[] { 'a', ' ', '\u00a0', '\u0301', '\u2800', '\u3000', '\u0600' })
            points[visible] = false;
        var table = new TheoryData<int, bool>();
        foreach (var (point, ignorable) in points)
            table.Add(point, ignorable);
        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Default_ignorable_code_points_are_those_of_the_unicode_table(int codePoint, bool ignorable) =>
        Assert.Equal(ignorable, CodePoint.IsDefaultIgnorable(codePoint));

    [Fact]
    public void Every_code_point_of_the_table_is_ignorable_and_none_outside_it()
    {
        for (var c = 0; c <= 0x10FFFF; c++)
            Assert.True(DefaultIgnorable.Any(r => c >= r.First && c <= r.Last) == CodePoint.IsDefaultIgnorable(c), $"U+{c:X4}");
    }
}

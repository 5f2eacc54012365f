namespace Forums.Api.Domain;

/// <summary>How far apart two short texts are, for "did you mean ...?" (a misspelt language name, a misspelt JSON member).</summary>
public static class EditDistance
{
    /// <summary>
    /// The optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours, each 1),
    /// or <paramref name="limit"/> + 1 as soon as it is known to be more than <paramref name="limit"/>.
    /// </summary>
    public static int Within(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit)
                return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return Math.Min(previous[b.Length], limit + 1);
    }
}

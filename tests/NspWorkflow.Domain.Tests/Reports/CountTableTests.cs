using NspWorkflow.Domain.Reports;

namespace NspWorkflow.Domain.Tests.Reports;

/// <summary>
/// The small-count rule: a count from 1 to under the threshold is shown as "&lt;3", and enough other cells are hidden that no
/// hidden count follows from the totals. Checked by brute force: every filling of the hidden cells that agrees with what is
/// shown (a small cell 1 or 2, a hidden one any count, every row and column adding up to its shown total) is listed,
/// and each hidden cell must take more than one value over them.
/// </summary>
public sealed class CountTableTests
{
    private const int Threshold = 3;

    [Fact]
    public void A_small_count_in_a_list_with_a_total_hides_the_next_smallest_too()
    {
        // Romania 4, Bulgaria 1, Nigeria 7; total 12.
        var table = new CountTable(["RO", "BG", "NG"], ["Personer"], Column(4, 1, 7), hasTotals: true, Threshold);

        Assert.Equal(["..", "<3", "7", "12"], Texts(table).Select(r => r[0]));
        AssertNoHiddenCountFollows(table);
    }

    [Fact]
    public void Zero_is_shown_and_a_table_without_small_counts_is_shown_whole()
    {
        var table = new CountTable(["a", "b"], ["x", "y"], new[,] { { 0, 5 }, { 3, 4 } }, hasTotals: true, Threshold);

        Assert.Equal([["0", "5", "5"], ["3", "4", "7"], ["3", "9", "12"]], Texts(table));
    }

    [Fact]
    public void A_small_count_in_a_table_hides_a_rectangle_so_its_row_and_column_both_keep_two_hidden()
    {
        // Gender by age band: women 5, 1, 6 and men 4, 8, 3.
        var table = new CountTable(["Kvinna", "Man"], ["18–24", "25–34", "35–44"], new[,] { { 5, 1, 6 }, { 4, 8, 3 } }, hasTotals: true, Threshold);

        var texts = Texts(table);
        // The 1 among women 25–34 hides women 18–24 with it, and the men's two cells below them close the rectangle.
        Assert.Equal([["..", "<3", "6", "12"], ["..", "..", "3", "15"], ["9", "9", "9", "27"]], texts);
        Assert.Equal("<3", texts[0][1]);
        Assert.Equal("12", texts[0][3]); // the row totals stay
        Assert.Equal("27", texts[2][3]); // and the grand total
        for (var i = 0; i < table.Height; i++)
            Assert.NotEqual(1, Enumerable.Range(0, table.Width).Count(j => table.Shown(i, j) != CellShown.Count));
        for (var j = 0; j < table.Width; j++)
            Assert.NotEqual(1, Enumerable.Range(0, table.Height).Count(i => table.Shown(i, j) != CellShown.Count));
        AssertNoHiddenCountFollows(table);
    }

    [Fact]
    public void A_small_total_is_small_too_and_a_line_with_nothing_else_to_hide_hides_its_total()
    {
        // One person in all, aged 55+.
        var table = new CountTable(["Kvinna", "Man"], ["18–24", "55+"], new[,] { { 0, 1 }, { 0, 0 } }, hasTotals: true, Threshold);

        var texts = Texts(table);
        Assert.Equal([["0", "<3", "<3"], ["0", "0", "0"], ["0", "<3", "<3"]], texts);
    }

    [Fact]
    public void A_table_without_totals_needs_only_the_primary_rule()
    {
        var table = new CountTable(["Vuxna", "Medföljande barn", "Barn i ursprungslandet"], ["Antal"], Column(9, 2, 0), hasTotals: false, Threshold);

        Assert.Equal(["9", "<3", "0"], Texts(table).Select(r => r[0]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_tables_never_leave_a_line_with_one_hidden_cell_and_no_hidden_count_follows(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 40; n++)
        {
            var (rows, columns) = (random.Next(1, 4), random.Next(1, 3));
            var body = new int[rows, columns];
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < columns; j++)
                    body[i, j] = random.Next(0, 3) == 0 ? random.Next(0, 3) : random.Next(0, 7);
            var table = new CountTable([.. Enumerable.Range(0, rows).Select(i => $"r{i}")], [.. Enumerable.Range(0, columns).Select(j => $"c{j}")],
                body, hasTotals: true, Threshold);
            AssertNoHiddenCountFollows(table);
        }
    }

    /// <summary>Every hidden cell takes at least two values over the fillings that agree with the shown cells and the totals.</summary>
    private static void AssertNoHiddenCountFollows(CountTable table)
    {
        var hidden = new List<(int Row, int Column)>();
        for (var i = 0; i < table.Height; i++)
            for (var j = 0; j < table.Width; j++)
                if (table.Shown(i, j) != CellShown.Count)
                    hidden.Add((i, j));
        if (hidden.Count == 0)
            return;
        var max = Enumerable.Range(0, table.Height).SelectMany(i => Enumerable.Range(0, table.Width).Select(j => table.Values[i, j])).Max() + 3;
        var seen = hidden.Select(_ => new HashSet<int>()).ToList();
        var grid = (int[,])table.Values.Clone();

        void Fill(int index)
        {
            if (index == hidden.Count)
            {
                if (!AddsUp(table, grid))
                    return;
                for (var h = 0; h < hidden.Count; h++)
                    seen[h].Add(grid[hidden[h].Row, hidden[h].Column]);
                return;
            }
            var (row, column) = hidden[index];
            var small = table.Shown(row, column) == CellShown.Small;
            for (var v = 0; v <= max; v++)
            {
                // What the reader knows: a small cell is 1 to 2; a hidden one any count.
                if (small && v is < 1 or >= Threshold)
                    continue;
                grid[row, column] = v;
                // Prune: a line whose hidden cells are all filled must add up already.
                if (LinesAddUp(table, grid, hidden.Take(index + 1).ToHashSet(), hidden))
                    Fill(index + 1);
            }
            grid[row, column] = table.Values[row, column];
        }

        Fill(0);
        for (var h = 0; h < hidden.Count; h++)
        {
            Assert.True(seen[h].Contains(table.Values[hidden[h].Row, hidden[h].Column]), "the true table is among the fillings");
            Assert.True(seen[h].Count > 1, $"the hidden cell {hidden[h]} of {Describe(table)} can be computed: {string.Join(",", seen[h])}");
        }
    }

    /// <summary>Every line with no hidden cell left to fill adds up.</summary>
    private static bool LinesAddUp(CountTable table, int[,] grid, HashSet<(int Row, int Column)> filled, List<(int Row, int Column)> hidden)
    {
        var (height, width) = (table.Height, table.Width);
        var bodyRows = table.HasTotals ? height - 1 : height;
        var bodyColumns = table.TotalColumn ? width - 1 : width;
        bool Done(IEnumerable<(int, int)> line) => line.All(p => !hidden.Contains(p) || filled.Contains(p));
        if (table.TotalColumn)
            for (var i = 0; i < height; i++)
                if (Done(Enumerable.Range(0, width).Select(j => (i, j))) && Enumerable.Range(0, bodyColumns).Sum(j => grid[i, j]) != grid[i, width - 1])
                    return false;
        if (table.HasTotals)
            for (var j = 0; j < width; j++)
                if (Done(Enumerable.Range(0, height).Select(i => (i, j))) && Enumerable.Range(0, bodyRows).Sum(i => grid[i, j]) != grid[height - 1, j])
                    return false;
        return true;
    }

    private static bool AddsUp(CountTable table, int[,] grid)
    {
        var (height, width) = (table.Height, table.Width);
        var bodyRows = table.HasTotals ? height - 1 : height;
        var bodyColumns = table.TotalColumn ? width - 1 : width;
        if (table.TotalColumn)
            for (var i = 0; i < height; i++)
                if (Enumerable.Range(0, bodyColumns).Sum(j => grid[i, j]) != grid[i, width - 1])
                    return false;
        if (table.HasTotals)
            for (var j = 0; j < width; j++)
                if (Enumerable.Range(0, bodyRows).Sum(i => grid[i, j]) != grid[height - 1, j])
                    return false;
        return true;
    }

    private static string Describe(CountTable table) =>
        string.Join(" / ", Enumerable.Range(0, table.Height).Select(i => string.Join(" ", Enumerable.Range(0, table.Width).Select(j => $"{table.Values[i, j]}{(table.Shown(i, j) == CellShown.Count ? "" : "*")}"))));

    private static List<List<string>> Texts(CountTable table) =>
        [.. Enumerable.Range(0, table.Height).Select(i => Enumerable.Range(0, table.Width).Select(j => table.Text(i, j)).ToList())];

    private static int[,] Column(params int[] counts)
    {
        var column = new int[counts.Length, 1];
        for (var i = 0; i < counts.Length; i++)
            column[i, 0] = counts[i];
        return column;
    }
}

namespace NspWorkflow.Domain.Reports;

/// <summary>How a count is shown in a table about persons.</summary>
public enum CellShown
{
    /// <summary>The count itself.</summary>
    Count,

    /// <summary>Under the threshold (1 to threshold − 1): shown as "&lt;threshold".</summary>
    Small,

    /// <summary>Hidden (any count, small ones too) so that a small count cannot be computed from its row's or column's total.</summary>
    Hidden,
}

/// <summary>
/// A table of counts about persons with its totals, and which cells are shown: a count from 1 to under the threshold is
/// never shown (primary suppression, "&lt;3"), and then more cells are hidden ("..") until no hidden count follows from the
/// totals (secondary suppression): every hidden count could also be one more or one less, with other hidden cells of its
/// row and column moving to keep every line adding up, each staying what a reader knows of it (a small count from 1 to
/// threshold − 1, a hidden one any count: ".." may hide a small count too, see below). The cell hidden next is in the exposed cell's row or column:
/// a body cell before a total, one that can move both ways, one that closes a rectangle of hidden cells, the smallest.
/// Zero is shown: it says no one, not who. When nothing is left to hide and a small count still follows (a table of small
/// counts only: "&lt;3" + "&lt;3" with a total of 2 gives both away), that small count is shown as ".." instead.
/// </summary>
/// <remarks>
/// The grid is the body with, when <see cref="HasTotals"/>, a total column (for more than one column) and a total row
/// after it. A table without totals (its lines are not parts of a whole) needs only the primary rule.
/// </remarks>
public sealed class CountTable
{
    private readonly CellShown[,] shown;

    public CountTable(IReadOnlyList<string> rows, IReadOnlyList<string> columns, int[,] body, bool hasTotals, int threshold)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.GetLength(0) != rows.Count || body.GetLength(1) != columns.Count)
            throw new ArgumentException("The body's size must match the rows and columns.", nameof(body));
        Rows = rows;
        Columns = columns;
        HasTotals = hasTotals;
        Threshold = threshold;
        var (r, c) = (rows.Count, columns.Count);
        TotalColumn = hasTotals && c > 1;
        Values = new int[r + (hasTotals ? 1 : 0), c + (TotalColumn ? 1 : 0)];
        for (var i = 0; i < r; i++)
            for (var j = 0; j < c; j++)
            {
                Values[i, j] = body[i, j];
                if (TotalColumn)
                    Values[i, c] += body[i, j];
                if (hasTotals)
                    Values[r, j] += body[i, j];
            }
        if (TotalColumn)
            for (var i = 0; i < r; i++)
                Values[r, c] += Values[i, c];
        shown = Suppress(Values, threshold, hasTotals, TotalColumn);
    }

    public IReadOnlyList<string> Rows { get; }
    public IReadOnlyList<string> Columns { get; }
    public bool HasTotals { get; }
    public int Threshold { get; }

    /// <summary>Whether the grid has a total column after the body's columns (a table of more than one column with totals).</summary>
    public bool TotalColumn { get; }

    /// <summary>The counts with the totals: the total row last, the total column last (when there are totals).</summary>
    public int[,] Values { get; }

    public int Height => Values.GetLength(0);
    public int Width => Values.GetLength(1);

    public CellShown Shown(int row, int column) => shown[row, column];

    /// <summary>The cell as text: the count, "&lt;threshold" for a small one, ".." for one hidden for its totals' sake (any count).</summary>
    public string Text(int row, int column) => shown[row, column] switch
    {
        CellShown.Small => "<" + Threshold,
        CellShown.Hidden => HiddenText,
        _ => Values[row, column].ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public const string HiddenText = "..";

    /// <summary>
    /// The suppression over a grid of counts whose last row and (when <paramref name="totalColumn"/>) last column are the
    /// totals of the others. Pure: the same grid gives the same cells.
    /// </summary>
    public static CellShown[,] Suppress(int[,] grid, int threshold, bool hasTotals, bool totalColumn)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var (height, width) = (grid.GetLength(0), grid.GetLength(1));
        var shown = new CellShown[height, width];
        for (var i = 0; i < height; i++)
            for (var j = 0; j < width; j++)
                shown[i, j] = grid[i, j] > 0 && grid[i, j] < threshold ? CellShown.Small : CellShown.Count;
        if (!hasTotals)
            return shown;

        // The lines whose cells add up: each row to its total (when there is a total column), each column to its total row.
        var lines = new List<(int Row, int Column)[]>();
        if (totalColumn)
            for (var i = 0; i < height; i++)
                lines.Add([.. Enumerable.Range(0, width).Select(j => (i, j))]);
        for (var j = 0; j < width; j++)
            lines.Add([.. Enumerable.Range(0, height).Select(i => (i, j))]);

        // Hide until every hidden count could also be another value: each step hides one more cell, so it ends.
        while (true)
        {
            var exposed = FirstExposed(grid, shown, lines, threshold);
            if (exposed is not { } cell)
                return shown;
            // A count of the exposed cell's own lines; else a count anywhere; else (a table of small counts: "<3" alone can
            // give a count away, as "<3" + "<3" with a total of 2) a small count, shown as ".." instead, which tells nothing
            // of its size: near first, then anywhere.
            var near = lines.Where(l => l.Contains(cell) || l.Any(p => shown[p.Row, p.Column] != CellShown.Count)).SelectMany(l => l).Distinct().ToList();
            var all = lines.SelectMany(l => l).Distinct().ToList();
            var hide = new[] { (near, CellShown.Count), (all, CellShown.Count), (near, CellShown.Small), (all, CellShown.Small) }
                .Select(c => Best(c.Item1.Where(p => shown[p.Row, p.Column] == c.Item2), cell, grid, shown, lines, threshold))
                .FirstOrDefault(p => p is not null);
            if (hide is not { } next)
                return shown;
            shown[next.Row, next.Column] = CellShown.Hidden;
        }
    }

    /// <summary>
    /// Which of <paramref name="candidates"/> to hide for <paramref name="exposed"/>: one whose row and column both hide a
    /// cell already (it closes a rectangle of hidden cells, which then cover each other); a body cell before a total; a
    /// count that can move by one either way (above the threshold) before one that cannot; the smallest, hiding least.
    /// </summary>
    private static (int Row, int Column)? Best(IEnumerable<(int Row, int Column)> candidates, (int Row, int Column) exposed, int[,] grid,
        CellShown[,] shown, List<(int Row, int Column)[]> lines, int threshold) =>
        candidates
            .OrderByDescending(c => lines.Count(l => l.Contains(c) && l.Any(p => p != c && shown[p.Row, p.Column] != CellShown.Count)))
            .ThenBy(c => lines.Any(l => l.Contains(c) && l.Contains(exposed)) ? 0 : 1)
            .ThenBy(c => IsTotalCell(lines, c) ? 1 : 0)
            .ThenBy(c => grid[c.Row, c.Column] > threshold ? 0 : 1)
            .ThenBy(c => grid[c.Row, c.Column])
            .Select(c => ((int Row, int Column)?)c).FirstOrDefault();

    private static bool IsTotalCell(List<(int Row, int Column)[]> lines, (int Row, int Column) cell) => lines.Any(l => l[^1] == cell);

    /// <summary>
    /// The first hidden cell whose count follows from what is shown: one that cannot move by one, up or down, with other
    /// hidden cells moving to keep every line adding up, each staying what the reader knows it is (a small count from 1 to
    /// threshold − 1, a hidden one any count). Moving by one is enough to show the count is not the only one.
    /// </summary>
    private static (int Row, int Column)? FirstExposed(int[,] grid, CellShown[,] shown, List<(int Row, int Column)[]> lines, int threshold)
    {
        for (var i = 0; i < grid.GetLength(0); i++)
            for (var j = 0; j < grid.GetLength(1); j++)
            {
                if (shown[i, j] == CellShown.Count)
                    continue;
                var moved = false;
                foreach (var step in new[] { 1, -1 })
                {
                    var moves = new Dictionary<(int, int), int> { [(i, j)] = step };
                    if (CanMove(grid, shown, (i, j), step, threshold) && Balance(grid, shown, lines, moves, threshold))
                    {
                        moved = true;
                        break;
                    }
                }
                if (!moved)
                    return (i, j);
            }
        return null;
    }

    /// <summary>Whether the moves can be completed by moving other hidden cells by one so that every line adds up.</summary>
    private static bool Balance(int[,] grid, CellShown[,] shown, List<(int Row, int Column)[]> lines, Dictionary<(int, int), int> moves, int threshold)
    {
        // A line adds up when its body's moves equal its total's move.
        int Off((int Row, int Column)[] line) =>
            line.Take(line.Length - 1).Sum(p => moves.GetValueOrDefault(p)) - moves.GetValueOrDefault(line[^1]);
        var open = lines.FirstOrDefault(l => Off(l) != 0);
        if (open is null)
            return true;
        var off = Off(open);
        if (Math.Abs(off) != 1)
            return false;
        foreach (var p in open)
        {
            if (shown[p.Row, p.Column] == CellShown.Count || moves.ContainsKey(p))
                continue;
            var step = p == open[^1] ? off : -off;
            if (!CanMove(grid, shown, p, step, threshold))
                continue;
            moves[p] = step;
            if (Balance(grid, shown, lines, moves, threshold))
                return true;
            moves.Remove(p);
        }
        return false;
    }

    private static bool CanMove(int[,] grid, CellShown[,] shown, (int Row, int Column) cell, int step, int threshold)
    {
        var value = grid[cell.Row, cell.Column] + step;
        return shown[cell.Row, cell.Column] == CellShown.Small ? value >= 1 && value < threshold : value >= 0;
    }
}

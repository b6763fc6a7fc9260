namespace NspWorkflow.Domain.Reports;

/// <summary>How a count is shown in a table about persons.</summary>
public enum CellShown
{
    /// <summary>The count itself.</summary>
    Count,

    /// <summary>Under the threshold (1 to threshold − 1): shown as "&lt;threshold".</summary>
    Small,

    /// <summary>Hidden so that a small count cannot be computed from its row's or column's total.</summary>
    Hidden,
}

/// <summary>
/// A table of counts about persons with its totals, and which cells are shown: a count from 1 to under the threshold is
/// never shown (primary suppression), and then, as long as some row or column (with its total) has exactly one cell not
/// shown, one more cell of that line is hidden (secondary suppression), so no hidden count is the total minus the shown
/// ones. The cell hidden next is the line's smallest count at or above the threshold (hiding least), then a zero, and the
/// line's total last. Zero is shown: it says no one, not who.
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

    /// <summary>The cell as text: the count, "&lt;threshold" for a small one, ".." for one hidden for its totals' sake.</summary>
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

        // Each pass hides one more cell of a line that has exactly one not shown; cells are only ever hidden, so it ends.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(p => shown[p.Row, p.Column] != CellShown.Count) != 1)
                    continue;
                var total = line[^1];
                var pick = line.Where(p => shown[p.Row, p.Column] == CellShown.Count && p != total)
                    .OrderBy(p => grid[p.Row, p.Column] == 0 ? 1 : 0)
                    // Prefer a cell whose other line already hides one: the two then hide each other (a rectangle).
                    .ThenBy(p => HidesInCrossLine(shown, lines, line, p) ? 0 : 1)
                    .ThenBy(p => grid[p.Row, p.Column])
                    .Select(p => ((int, int)?)p).FirstOrDefault()
                    ?? (shown[total.Row, total.Column] == CellShown.Count ? total : null);
                if (pick is { } cell)
                {
                    shown[cell.Item1, cell.Item2] = CellShown.Hidden;
                    changed = true;
                }
            }
        }
        return shown;
    }

    private static bool HidesInCrossLine(CellShown[,] shown, List<(int Row, int Column)[]> lines, (int Row, int Column)[] line, (int Row, int Column) cell) =>
        lines.Any(other => other != line && other.Contains(cell) && other.Count(p => shown[p.Row, p.Column] != CellShown.Count) == 1);
}

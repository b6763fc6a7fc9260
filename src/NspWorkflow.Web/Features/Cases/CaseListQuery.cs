using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data.Cases;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>A case as the list shows it: the row's columns, never its case file (<see cref="Erased"/>: its personal data was erased).</summary>
public sealed record ListedCase(Guid Id, string Reference, Guid ShelterId, CaseStatus Status, CaseOutcome Outcome,
    DateOnly PlacementDate, DateTimeOffset CreatedAt, bool Erased = false);

/// <summary>One page of the list, newest first, and the cursors of the pages beside it (null: none that way).</summary>
public sealed record CaseListPage(IReadOnlyList<ListedCase> Cases, CaseListCursor? Previous, CaseListCursor? Next);

/// <summary>A place in the list: a case's creation time and reference, written <c>639000000000000000_NSP-2026-0042</c> (UTC ticks).</summary>
public readonly record struct CaseListCursor(DateTimeOffset CreatedAt, string Reference)
{
    public static CaseListCursor Of(ListedCase c) => new(c.CreatedAt, c.Reference);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}_{Reference}");

    public static CaseListCursor? Parse(string? text)
    {
        var split = text?.IndexOf('_') ?? -1;
        return split > 0 && long.TryParse(text.AsSpan(0, split), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new CaseListCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text![(split + 1)..])
            : null;
    }
}

/// <summary>
/// The case list's queries, for the page and for the scale benchmark, which times them alone beside the page.
/// </summary>
/// <remarks>
/// Keyset paging, not offset: a page is "the next <c>size</c> after this (created, reference)", a range read of an
/// index whatever the depth, where an offset makes the database walk and skip every earlier row (page 2 000 of 100 000
/// cases reads 100 000 index entries). The price: no "page n of m", only previous, next and the count.
/// </remarks>
public static class CaseListQuery
{
    /// <summary>The cases of <paramref name="shelter"/> (null: all), of <paramref name="status"/>, whose reference holds <paramref name="reference"/>.</summary>
    public static IQueryable<CaseRow> Filter(IQueryable<CaseRow> cases, Guid? shelter, CaseStatus? status, string? reference)
    {
        if (shelter is { } shelterId)
            cases = cases.Where(c => c.ShelterId == shelterId);
        if (status is { } wanted)
            cases = cases.Where(c => c.Status == wanted);
        if (!string.IsNullOrWhiteSpace(reference))
        {
            // References are upper case. No index serves "contains": a scan of the reference index, not of the case files.
            var part = reference.Trim().ToUpperInvariant();
            cases = cases.Where(c => c.Reference.Contains(part));
        }
        return cases;
    }

    /// <summary>The page after <paramref name="after"/>, or before <paramref name="before"/>, or the first; newest first.</summary>
    public static async Task<CaseListPage> PageAsync(IQueryable<CaseRow> cases, CaseListCursor? after, CaseListCursor? before, int size,
        CancellationToken cancellationToken)
    {
        if (before is { } b)
        {
            // The redundant bound on CreatedAt alone gives the index a range to read; the OR alone may not.
            var earlier = await Listed(cases.Where(c => c.CreatedAt >= b.CreatedAt
                    && (c.CreatedAt > b.CreatedAt || string.Compare(c.Reference, b.Reference) > 0))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Reference)).Take(size + 1).ToListAsync(cancellationToken);
            var page = earlier.Take(size).Reverse().ToList();
            return Beside(page, previous: earlier.Count > size, next: true);
        }
        if (after is { } a)
            cases = cases.Where(c => c.CreatedAt <= a.CreatedAt && (c.CreatedAt < a.CreatedAt || string.Compare(c.Reference, a.Reference) < 0));
        var later = await Listed(cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Reference)).Take(size + 1)
            .ToListAsync(cancellationToken);
        return Beside([.. later.Take(size)], previous: after is not null, next: later.Count > size);
    }

    // Only the listed columns: the row's case file is kilobytes of ciphertext the list never shows.
    private static IQueryable<ListedCase> Listed(IQueryable<CaseRow> cases) =>
        cases.Select(c => new ListedCase(c.Id, c.Reference, c.ShelterId, c.Status, c.Outcome, c.PlacementDate, c.CreatedAt, c.ErasedAt != null));

    private static CaseListPage Beside(IReadOnlyList<ListedCase> page, bool previous, bool next) =>
        page.Count == 0 ? new CaseListPage(page, null, null)
            : new CaseListPage(page, previous ? CaseListCursor.Of(page[0]) : null, next ? CaseListCursor.Of(page[^1]) : null);
}

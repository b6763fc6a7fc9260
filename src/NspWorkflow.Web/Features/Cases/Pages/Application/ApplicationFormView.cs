using NspWorkflow.Web.Infrastructure.Layout;

namespace NspWorkflow.Web.Features.Cases.Pages.Application;

/// <summary>
/// What <c>_ApplicationFields</c> renders: the form, the page's errors, the countries to search, and how the page names
/// its fields (the application page binds <c>Form.</c>, a task page <c>Input.Form.</c>, with ids to match).
/// </summary>
/// <param name="AddsChildRows">The page has an "add a child" handler; otherwise the form shows one empty row to fill.</param>
public sealed record ApplicationFormView(
    ApplicationForm Form,
    IFieldErrors Errors,
    IReadOnlyList<(string Code, string Name)> Countries,
    DateOnly Today,
    int? FocusChild,
    bool AddsChildRows,
    string IdPrefix,
    string NamePrefix);

namespace NspWorkflow.Web.Infrastructure.Localization;

/// <summary>
/// The app's one message table: <c>Resources/Infrastructure/Localization/SharedResource.resx</c> holds the Swedish texts
/// (the default) and <c>SharedResource.en.resx</c> the English beside them, both under stable keys, so that correcting a
/// Swedish text never loses its English. Pages use it through <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource;

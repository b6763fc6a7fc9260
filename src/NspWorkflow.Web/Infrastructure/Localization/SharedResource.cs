namespace NspWorkflow.Web.Infrastructure.Localization;

/// <summary>
/// The key of the app's one resource set. Keys are the Swedish texts, so Swedish needs no resource file and
/// <c>Resources/Localization/SharedResource.en.resx</c> holds the English.
/// </summary>
public sealed class SharedResource;

using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using NspWorkflow.Web.Account;
using NspWorkflow.Web.Api;
using NspWorkflow.Web.Authentication;
using NspWorkflow.Web.BackgroundJobs;
using NspWorkflow.Web.Cases;
using NspWorkflow.Web.Cases.Api;
using NspWorkflow.Web.Database;
using NspWorkflow.Web.Development;
using NspWorkflow.Web.DevelopmentIdentity;
using NspWorkflow.Web.Hosting;
using NspWorkflow.Web.Localization;
using NspWorkflow.Web.Mail;
using NspWorkflow.Web.Shelters;
using NspWorkflow.Web.Workflows;

var builder = WebApplication.CreateBuilder(args);

var app = AppOptions.FromConfiguration(builder.Configuration, builder.Environment);
var database = DatabaseOptions.FromConfiguration(builder.Configuration, app.DataPath);
var oidc = OidcOptions.FromConfiguration(builder.Configuration);
if (oidc.UsesDevelopmentProvider && !builder.Environment.IsDevelopment())
    throw new InvalidOperationException(
        "Authentication:Oidc:Authority is required outside Development: the built-in sign-in with demo users is for development only.");

builder.Services.AddSingleton(app);
if (builder.Environment.IsDevelopment())
{
    // Development's clock can be moved forward (POST /api/dev/clock); sign-in keeps the real one.
    var clock = new DevelopmentClock(TimeProvider.System);
    builder.Services.AddSingleton<TimeProvider>(clock);
    builder.Services.AddSingleton<IAdjustableClock>(clock);
}
else
{
    builder.Services.AddSingleton(TimeProvider.System);
}
if (!builder.Environment.IsDevelopment())
    builder.Logging.AddJsonConsole(options => options.IncludeScopes = false);

builder.Services.AddNspDatabase(database);
builder.Services.AddDataProtection()
    .SetApplicationName("NspWorkflow")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine(app.DataPath, "keys")));

if (oidc.UsesDevelopmentProvider)
{
    var provider = new DevelopmentProviderSettings(oidc.ApiAudience);
    builder.Services.AddSingleton(provider);
    oidc = oidc with { ClientSecret = provider.WebClientSecret };
    builder.Services.AddDevelopmentProvider(app);
    builder.Services.AddScoped<IStartupSeeder, DemoShelterSeeder>();
}
builder.Services.AddSingleton(oidc);
builder.Services.AddNspAuthentication(oidc, app, builder.Environment);

builder.Services.AddNspBackgroundJobs(database, builder.Configuration);
builder.Services.AddNspMail(builder.Configuration, app);
builder.Services.AddNspShelters();
builder.Services.AddNspWorkflows(builder.Configuration, builder.Environment);
builder.Services.AddNspCases(builder.Configuration, builder.Environment);

builder.Services.AddNspLocalization();
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AuthorizeFolder("/Shelters", ShelterPolicies.Manage);
        options.Conventions.AuthorizeFolder("/Admin", Roles.Admin);
        options.Conventions.AuthorizeFolder("/Designer", Roles.Admin);
        options.Conventions.AuthorizePage("/Inbox", Roles.Coordinator);
        // The cases are for the roles that may read one; which cases each sees is the pages' own check (CaseAccess).
        options.Conventions.AddFolderApplicationModelConvention("/Cases", model => model.EndpointMetadata.Add(
            new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = CaseReaderRoles }));
        options.Conventions.AllowAnonymousToPage("/Index");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToPage("/AccessDenied");
        options.Conventions.AllowAnonymousToFolder("/Dev");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
// Swedish letters stay letters in the HTML rather than numeric entities.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

var web = builder.Build();

if (!web.Environment.IsDevelopment())
{
    web.UseForwardedHeaders();
    web.UseExceptionHandler("/Error");
    web.UseHsts();
    web.UseHttpsRedirection();
}
web.UseMiddleware<SecurityHeadersMiddleware>();
// Pages get a friendly error page; the API answers with its own status codes and problem details, and must never
// be re-executed as a request for the error page (a POST would then fail antiforgery and turn a 403 into a 400).
web.UseWhen(context => !NspAuthenticationExtensions.IsApiRequest(context.Request),
    pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
web.UseRequestLocalization();
web.UseStaticFiles();
web.UseRouting();
web.UseAuthentication();
web.UseAuthorization();
web.UseAntiforgery();

web.MapNspHealth();
web.MapOpenApi().AllowAnonymous();
web.MapCultureSwitch();
web.MapAccount();
if (oidc.UsesDevelopmentProvider)
    web.MapDevelopmentProvider();
web.MapNspBackgroundJobsDashboard();
var api = web.MapGroup("/api").WithTags("NSP");
api.MapMe();
api.MapShelterApi();
api.MapWorkflowDefinitionApi();
api.MapWorkflowIncidentApi();
api.MapCaseApi();
api.MapTaskApi();
api.MapReceiptApi();
if (web.Environment.IsDevelopment())
    api.MapDevelopmentApi();
web.MapRazorPages();

web.Lifetime.ApplicationStarted.Register(() =>
    web.Logger.LogInformation("NSP Workflow is running at {Url} ({Provider} database{SignIn})",
        app.PublicUrl, database.Provider, oidc.UsesDevelopmentProvider ? ", demo sign-in" : ""));

web.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program
{
    private const string CaseReaderRoles = $"{Roles.Coordinator},{Roles.Admin},{Roles.Reader},{Roles.Shelter}";
}

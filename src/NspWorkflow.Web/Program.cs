using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Invoicing;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Features.Reports;
using NspWorkflow.Web.Features.Retention;
using NspWorkflow.Web.Features.Shelters;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Workflows;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;
using NspWorkflow.Web.Infrastructure.Database;
using NspWorkflow.Web.Infrastructure.Development;
using NspWorkflow.Web.Infrastructure.DevelopmentIdentity;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;
using NspWorkflow.Web.Pathways;

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
    builder.Services.AddDemoCoordinators();
}
builder.Services.AddSingleton(oidc);
builder.Services.AddNspAuthentication(oidc, app, builder.Environment);

builder.Services.AddNspBackgroundJobs(database, builder.Configuration);

// The features, each a module of its own; the pathways bind the workflows to the cases and tasks.
builder.Services.AddMail(builder.Configuration, app);
builder.Services.AddShelters();
builder.Services.AddWorkflows(builder.Configuration, builder.Environment, PathwayNames.EngineOptions);
builder.Services.AddTariffs();
builder.Services.AddInvoicing();
builder.Services.AddBudget();
builder.Services.AddCertification();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddCases();
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddTasks(builder.Configuration);
builder.Services.AddPathways();

builder.Services.AddNspLocalization();
// Pages live with their features (Features/<Feature>/Pages) and say their own routes and who may open them; the
// layout and the shared partials are in Infrastructure/Layout.
builder.Services.AddRazorPages(options => options.RootDirectory = "/")
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .AddRazorOptions(options => options.PageViewLocationFormats.Add("/Infrastructure/Layout/{0}" + RazorViewEngine.ViewExtension));
builder.Services.AddOpenApi();
builder.Services.AddNspApiJson();
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
web.UseNspBadRequests();
web.UseErasedCases();
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
api.MapShelters();
api.MapWorkflows();
api.MapCases();
api.MapTasks();
if (web.Environment.IsDevelopment())
    api.MapDevelopmentEndpoints();
web.MapRazorPages();

web.Lifetime.ApplicationStarted.Register(() =>
    web.Logger.LogInformation("NSP Workflow is running at {Url} ({Provider} database{SignIn})",
        app.PublicUrl, database.Provider, oidc.UsesDevelopmentProvider ? ", demo sign-in" : ""));

web.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;

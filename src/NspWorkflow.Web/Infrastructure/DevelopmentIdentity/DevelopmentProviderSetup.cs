using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NspWorkflow.Web.Infrastructure.DevelopmentIdentity;

/// <summary>Creates the provider's tables and registers the app and the demo clients, anew at every start.</summary>
internal sealed class DevelopmentProviderSetup(
    IServiceScopeFactory scopes, AppOptions app, OidcOptions oidc, DevelopmentProviderSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DevIdentityDbContext>();
        await db.Database.EnsureCreatedAsync(cancellationToken);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await ReplaceAsync(applications, WebClient(), cancellationToken);
        foreach (var client in DemoDirectory.Clients)
            await ReplaceAsync(applications, IntegrationClient(client), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private OpenIddictApplicationDescriptor WebClient()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = oidc.ClientId,
            ClientSecret = settings.WebClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "NSP Workflow",
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        // The app may be opened as localhost or as 127.0.0.1; both are the same development machine.
        foreach (var baseUrl in AlternativeBaseUrls(app.PublicUrl))
        {
            descriptor.RedirectUris.Add(new Uri(baseUrl, "signin-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(baseUrl, "signout-callback-oidc"));
        }
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor IntegrationClient(DemoClient client) => new()
    {
        ClientId = client.ClientId,
        ClientSecret = client.Secret,
        ClientType = ClientTypes.Confidential,
        DisplayName = client.ClientId,
        Permissions =
        {
            Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + DevelopmentProviderServiceCollectionExtensions.ApiScope,
        },
    };

    private static async Task ReplaceAsync(
        IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
            await applications.DeleteAsync(existing, cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    private static IEnumerable<Uri> AlternativeBaseUrls(Uri publicUrl)
    {
        yield return publicUrl;
        var host = publicUrl.Host switch { "localhost" => "127.0.0.1", "127.0.0.1" => "localhost", _ => null };
        if (host is not null)
            yield return new UriBuilder(publicUrl) { Host = host }.Uri;
    }
}

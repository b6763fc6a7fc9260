using Microsoft.EntityFrameworkCore;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NspWorkflow.Web.Infrastructure.DevelopmentIdentity;

public static class DevelopmentProviderServiceCollectionExtensions
{
    /// <summary>The provider's own sign-in session, separate from the app's session it issues tokens for.</summary>
    public const string SignInScheme = "DevProviderSignIn";

    public const string ApiScope = "nsp-api";

    public static IServiceCollection AddDevelopmentProvider(
        this IServiceCollection services, AppOptions app)
    {
        services.AddDbContext<DevIdentityDbContext>(options =>
        {
            options.UseSqlite($"Data Source={Path.Combine(app.DataPath, "dev-identity.db")}");
            options.UseOpenIddict();
        });

        services.AddAuthentication().AddCookie(SignInScheme, options =>
        {
            options.TimeProvider = NspAuthenticationExtensions.SignInClock;
            options.Cookie.Name = "nsp.dev-provider";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/dev/sign-in";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddOpenIddict()
            .AddCore(options =>
            {
                options.UseEntityFrameworkCore().UseDbContext<DevIdentityDbContext>();
                options.Configure(core => core.TimeProvider = NspAuthenticationExtensions.SignInClock);
            })
            .AddServer(options =>
            {
                options.Configure(server => server.TimeProvider = NspAuthenticationExtensions.SignInClock);
                options.SetIssuer(app.PublicUrl);
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.AllowClientCredentialsFlow();
                options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, ApiScope);
                // Keys live only as long as the process: it is a development provider, and restarting it
                // simply asks users to sign in again.
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // The API validates access tokens as plain signed JWTs, exactly as it does for Keycloak's.
                options.DisableAccessTokenEncryption();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        services.AddHostedService<DevelopmentProviderSetup>();
        return services;
    }
}

public sealed record DevelopmentProviderSettings(string ApiAudience)
{
    /// <summary>Made anew at each start and given to both sides in-process: no client secret is ever stored in a file.</summary>
    public string WebClientSecret { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}

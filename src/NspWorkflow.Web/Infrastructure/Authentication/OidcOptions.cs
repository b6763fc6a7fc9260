namespace NspWorkflow.Web.Infrastructure.Authentication;

/// <summary><c>Authentication:*</c>: the organisation's OpenID provider, or none for the development provider.</summary>
public sealed record OidcOptions
{
    /// <summary>The provider's issuer URL. Empty: the app hosts its development provider (Development only).</summary>
    public string? Authority { get; init; }

    public string ClientId { get; init; } = "nsp-web";
    public string? ClientSecret { get; init; }

    /// <summary>The audience API access tokens must carry.</summary>
    public string ApiAudience { get; init; } = "nsp-api";

    public bool UsesDevelopmentProvider => string.IsNullOrWhiteSpace(Authority);

    public static OidcOptions FromConfiguration(IConfiguration configuration) => new()
    {
        Authority = configuration["Authentication:Oidc:Authority"],
        ClientId = configuration["Authentication:Oidc:ClientId"] ?? "nsp-web",
        ClientSecret = configuration["Authentication:Oidc:ClientSecret"],
        ApiAudience = configuration["Authentication:Api:Audience"] ?? "nsp-api",
    };
}

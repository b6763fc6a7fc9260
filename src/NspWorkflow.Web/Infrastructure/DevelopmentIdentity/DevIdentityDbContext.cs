using Microsoft.EntityFrameworkCore;

namespace NspWorkflow.Web.Infrastructure.DevelopmentIdentity;

/// <summary>The development provider's own tables (applications, authorizations, tokens) in their own SQLite file.</summary>
public sealed class DevIdentityDbContext(DbContextOptions<DevIdentityDbContext> options) : DbContext(options);

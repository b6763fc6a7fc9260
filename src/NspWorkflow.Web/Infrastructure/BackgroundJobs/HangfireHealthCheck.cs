using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NspWorkflow.Web.Infrastructure.BackgroundJobs;

/// <summary>Healthy when Hangfire's storage answers and at least one server (this node or another) is alive.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} server(s)")
                : HealthCheckResult.Unhealthy("No Hangfire server is running."));
        }
        catch (Exception exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage does not answer.", exception));
        }
    }
}

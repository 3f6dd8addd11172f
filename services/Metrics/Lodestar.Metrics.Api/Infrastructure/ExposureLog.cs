using Lodestar.Errors;
using Lodestar.Metrics.Domain.Experiments;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Metrics.Infrastructure;

/// <summary>The first exposure of each user to an experiment: what its analysis counts.</summary>
public static class ExposureLog
{
    /// <summary>
    /// Logs the user's first exposure to <paramref name="variant"/>; when a concurrent call logged the same user first,
    /// its exposure stands. Returns the exposure that stands and whether this call logged it.
    /// </summary>
    public static async Task<(Exposure Exposure, bool First)> LogExposureAsync(this MetricsDbContext db, Experiment experiment, string distinctId, string variant,
        DateTime now, CancellationToken cancellationToken)
    {
        var exposure = new Exposure
        {
            ExperimentId = experiment.Id, WorkspaceId = experiment.WorkspaceId, ProductId = experiment.ProductId,
            DistinctId = distinctId, Variant = variant, ExposedAt = now,
        };
        db.Exposures.Add(exposure);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (exposure, true);
        }
        catch (AlreadyExistsException)
        {
            db.ChangeTracker.Clear();
            return (await db.Exposures.AsNoTracking().FirstAsync(x => x.ExperimentId == experiment.Id && x.DistinctId == distinctId, cancellationToken), false);
        }
    }
}
